using Confluent.Kafka;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Serializes a value that travels only inside one task (for example <see cref="ApplyResult"/>) as the record it carries
/// (the received <c>MasterDataUpdate</c>), so that a dead letter of it keeps the original record's bytes. Write-only:
/// such values never reach a topic or a store, so reading them back is refused.
/// </summary>
/// <typeparam name="TCarrier">The in-task value.</typeparam>
/// <typeparam name="TRecord">The record it carries, with a real SerDes.</typeparam>
public sealed class ProjectedSerDes<TCarrier, TRecord>(ISerDes<TRecord> inner, Func<TCarrier, TRecord> project) : AbstractSerDes<TCarrier>
{
    /// <inheritdoc />
    public override byte[] Serialize(TCarrier data, SerializationContext context) =>
        data is null ? null! : inner.Serialize(project(data), context);

    /// <inheritdoc />
    public override TCarrier Deserialize(byte[] data, SerializationContext context) =>
        throw new NotSupportedException(
            $"{typeof(TCarrier).Name} values live only inside one task and are never read from Kafka; {nameof(ProjectedSerDes<TCarrier, TRecord>)} only writes the {typeof(TRecord).Name} they carry, for dead letters.");
}
