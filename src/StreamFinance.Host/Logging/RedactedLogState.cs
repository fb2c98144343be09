using System.Collections;

namespace StreamFinance.Host.Logging;

/// <summary>
/// A log entry's state with its secrets masked: the formatted message, and every structured property with its value
/// as masked text, so that the JSON formatter, which writes the properties one by one, writes no secret either.
/// </summary>
public sealed class RedactedLogState : IReadOnlyList<KeyValuePair<string, object?>>
{
    private const string OriginalFormat = "{OriginalFormat}";
    private readonly List<KeyValuePair<string, object?>> properties;

    private RedactedLogState(string message, List<KeyValuePair<string, object?>> properties)
    {
        Message = message;
        this.properties = properties;
    }

    /// <summary>The formatted message, masked.</summary>
    public string Message { get; }

    /// <summary>Masks <paramref name="message"/> and the properties of <paramref name="state"/>.</summary>
    public static RedactedLogState From<TState>(TState state, string message, SecretRedactor redactor)
    {
        var redactedMessage = redactor.Redact(message);
        var properties = new List<KeyValuePair<string, object?>>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            foreach (var (key, value) in pairs)
                properties.Add(new(key, key == OriginalFormat ? redactedMessage : Mask(value, redactor)));
        if (!properties.Any(p => p.Key == OriginalFormat))
            properties.Add(new(OriginalFormat, redactedMessage));
        return new RedactedLogState(redactedMessage, properties);
    }

    /// <inheritdoc />
    public int Count => properties.Count;

    /// <inheritdoc />
    public KeyValuePair<string, object?> this[int index] => properties[index];

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public override string ToString() => Message;

    // Values that hold no secret keep their type (numbers stay numbers in JSON); the others become masked text.
    internal static object? Mask(object? value, SecretRedactor redactor) =>
        value is not null && redactor.Reveals(value.ToString()) ? redactor.Redact(value.ToString()!) : value;
}
