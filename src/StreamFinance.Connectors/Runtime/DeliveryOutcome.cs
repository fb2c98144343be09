namespace StreamFinance.Connectors.Runtime;

/// <summary>What Kafka said about one produced record: acknowledged (persisted with acks=all), or the error that stopped it.</summary>
/// <param name="Error">Null when acknowledged; else Kafka's reason, e.g. "Local: Message timed out".</param>
/// <param name="Exception">The exception behind the error, when there is one.</param>
public sealed record DeliveryOutcome(string? Error, Exception? Exception = null)
{
    /// <summary>An acknowledged record.</summary>
    public static DeliveryOutcome Acknowledged { get; } = new((string?)null);

    /// <summary>Whether Kafka acknowledged the record.</summary>
    public bool IsAcknowledged => Error is null;
}
