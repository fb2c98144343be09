using System.Collections;

namespace StreamFinance.Host.Logging;

/// <summary>A logging scope with its secrets masked, keeping its properties for the JSON formatter.</summary>
public sealed class RedactedScope : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly string text;
    private readonly List<KeyValuePair<string, object?>> properties;

    private RedactedScope(string text, List<KeyValuePair<string, object?>> properties)
    {
        this.text = text;
        this.properties = properties;
    }

    /// <summary>Whether the scope <paramref name="state"/> contains a secret, in its text or in a property value.</summary>
    public static bool Reveals(object? state, SecretRedactor redactor) =>
        state is not null
        && (redactor.Reveals(state.ToString())
            || (state is IEnumerable<KeyValuePair<string, object?>> pairs && pairs.Any(p => redactor.Reveals(p.Value?.ToString()))));

    /// <summary>The masked copy of <paramref name="state"/>.</summary>
    public static RedactedScope From(object state, SecretRedactor redactor)
    {
        var properties = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, RedactedLogState.Mask(p.Value, redactor))).ToList()
            : [];
        return new RedactedScope(redactor.Redact(state.ToString() ?? ""), properties);
    }

    /// <inheritdoc />
    public int Count => properties.Count;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => properties[index];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => text;
}
