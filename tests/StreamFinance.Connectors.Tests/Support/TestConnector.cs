using StreamFinance.Connectors.Runtime;
using StreamFinance.TestSupport.DeadLetters;

namespace StreamFinance.Connectors.Tests.Support;

/// <summary>The doubles one connector test wires together.</summary>
public sealed class TestConnector
{
    public TestConnector(string name, RecordingSink? sink = null, InMemoryOffsetStore? offsets = null, RecordingDeadLetterPublisher? deadLetters = null)
    {
        Sink = sink ?? new RecordingSink();
        Offsets = offsets ?? new InMemoryOffsetStore();
        DeadLetters = deadLetters ?? new RecordingDeadLetterPublisher();
        Context = new ConnectorContext(name, Sink, DeadLetters, Offsets);
    }

    public RecordingSink Sink { get; }

    public InMemoryOffsetStore Offsets { get; }

    public RecordingDeadLetterPublisher DeadLetters { get; }

    public ConnectorContext Context { get; }

    public static string Csv(int rows, Func<int, string>? amount = null) =>
        "id,employee,amount,currency\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"EXP-{i},E-{i % 7},{amount?.Invoke(i) ?? "12.50"},USD\n"));
}
