using StreamFinance.Contracts.Outputs;
namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// What a processing step made of one record: a value that continues down the topology, or a <see cref="Failure"/>
/// that <see cref="DeadLetterRouting.RouteFailures{TIn,TOut}"/> sends to the dead-letter topic. Both convert
/// implicitly, so a step can simply return a value or a failure.
/// </summary>
/// <typeparam name="T">Type of the value that continues.</typeparam>
public sealed class ProcessingOutcome<T>
{
    private readonly T value;

    private ProcessingOutcome(T value, Failure? failure)
    {
        this.value = value;
        Failure = failure;
    }

    /// <summary>True when the record continues with <see cref="Value"/>.</summary>
    public bool IsOk => Failure is null;

    /// <summary>The value that continues.</summary>
    /// <exception cref="InvalidOperationException">The outcome is a failure.</exception>
    public T Value => IsOk ? value : throw new InvalidOperationException($"This outcome is the failure {Failure!.Reason}, not a value: check IsOk first.");

    /// <summary>Why the record is dead-lettered; null when it continues.</summary>
    public Failure? Failure { get; }

    /// <summary>The record continues as <paramref name="value"/>.</summary>
    public static ProcessingOutcome<T> Ok(T value) => new(value, null);

    /// <summary>The record is dead-lettered because of <paramref name="failure"/>.</summary>
    public static ProcessingOutcome<T> Failed(Failure failure) => new(default!, failure ?? throw new ArgumentNullException(nameof(failure)));

    /// <summary>The record is dead-lettered with <paramref name="reason"/> and a <paramref name="message"/> for its owner.</summary>
    public static ProcessingOutcome<T> Failed(ReasonCode reason, string message) => Failed(new Failure(reason, message));

    /// <summary>Same as <see cref="Ok"/>.</summary>
    public static implicit operator ProcessingOutcome<T>(T value) => Ok(value);

    /// <summary>Same as <see cref="Failed(DeadLetters.Failure)"/>.</summary>
    public static implicit operator ProcessingOutcome<T>(Failure failure) => Failed(failure);
}
