using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Mapping;

/// <summary>Raised inside the engine when one value of one record cannot be mapped; <see cref="ProfileRecordMapper"/> turns it into a <see cref="MappingFailure"/>.</summary>
internal sealed class MappingValueException(ReasonCode reason, string field, string message) : Exception(message)
{
    public ReasonCode Reason { get; } = reason;

    public string Field { get; } = field;
}
