namespace StreamFinance.TestSupport.Kafka;

/// <summary>Names suffixed with a short random id, so tests never share topics, groups, app ids or state.</summary>
public sealed class UniqueNames
{
    private readonly string suffix = Guid.NewGuid().ToString("N")[..8];

    /// <summary><paramref name="name"/> with this instance's suffix, e.g. <c>expenses-1a2b3c4d</c>.</summary>
    public string For(string name) => $"{name}-{suffix}";
}
