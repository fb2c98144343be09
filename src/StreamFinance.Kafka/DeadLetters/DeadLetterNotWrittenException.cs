using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Kafka.DeadLetters;

/// <summary>
/// A dead letter could not be written (serialization failed, or Kafka did not acknowledge it in time). The failed
/// record it describes is therefore not handled: do not skip or commit it; retry once the cause is fixed.
/// </summary>
public sealed class DeadLetterNotWrittenException : Exception
{
    /// <summary>Creates the exception for <paramref name="deadLetter"/> bound for <paramref name="topic"/>.</summary>
    public DeadLetterNotWrittenException(string topic, DeadLetter deadLetter, string cause, Exception? inner = null)
        : base(Describe(topic, deadLetter, cause), inner)
    {
        Topic = topic;
        DeadLetter = deadLetter;
    }

    /// <summary>The dead-letter topic that was to receive it.</summary>
    public string Topic { get; }

    /// <summary>The dead letter that was not written.</summary>
    public DeadLetter DeadLetter { get; }

    private static string Describe(string topic, DeadLetter deadLetter, string cause) =>
        $"Dead letter {deadLetter.reasonCode} for the record from {DeadLetterOrigin.Of(deadLetter)} (processor {deadLetter.processor}, correlation id {deadLetter.correlationId}) " +
        $"was not written to '{topic}': {cause}. The failed record is NOT handled; check that '{topic}' exists, that the brokers and the Schema Registry " +
        "are reachable and that the record fits the topic's max.message.bytes, then reprocess it.";
}
