namespace StreamFinance.Host.Logging;

/// <summary>
/// Stands in for an exception whose text contains a secret: it prints as the original would
/// (type, message, inner exceptions, stack trace), masked.
/// </summary>
public sealed class RedactedException(Exception original, SecretRedactor redactor) : Exception(redactor.Redact(original.Message))
{
    /// <summary>The type of the exception that was masked.</summary>
    public Type OriginalType { get; } = original.GetType();

    /// <inheritdoc />
    public override string? StackTrace => original.StackTrace is { } trace ? redactor.Redact(trace) : null;

    /// <inheritdoc />
    public override string ToString() => redactor.Redact(original.ToString());
}
