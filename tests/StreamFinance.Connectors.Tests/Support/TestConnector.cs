using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>The doubles one connector test wires together.</summary>
public sealed class TestConnector
{
    public TestConnector(string name, RecordingSink? sink = null, InMemoryOffsetStore? offsets = null, RecordingDeadLetters? deadLetters = null)
    {
        Sink = sink ?? new RecordingSink();
        Offsets = offsets ?? new InMemoryOffsetStore();
        DeadLetters = deadLetters ?? new RecordingDeadLetters();
        Context = new ConnectorContext(name, Sink, DeadLetters, Offsets);
    }

    public RecordingSink Sink { get; }

    public InMemoryOffsetStore Offsets { get; }

    public RecordingDeadLetters DeadLetters { get; }

    public ConnectorContext Context { get; }

    public static string Csv(int rows, Func<int, string>? amount = null) =>
        "id,employee,amount,currency\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"EXP-{i},E-{i % 7},{amount?.Invoke(i) ?? "12.50"},USD\n"));
}
