using Confluent.Kafka;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>A record between a routed step and its branch: the value that continues, or its dead letter and headers. Never serialized.</summary>
internal sealed class RoutedRecord<T>
{
    private RoutedRecord(T value, DeadLetter? deadLetter, Headers? headers)
    {
        Value = value;
        DeadLetter = deadLetter;
        Headers = headers;
    }

    public T Value { get; }

    public DeadLetter? DeadLetter { get; }

    public Headers? Headers { get; }

    public bool IsOk => DeadLetter is null;

    public static RoutedRecord<T> Ok(T value) => new(value, null, null);

    public static RoutedRecord<T> Failed(DeadLetter deadLetter, Headers headers) => new(default!, deadLetter, headers);
}
