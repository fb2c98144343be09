namespace StreamFinance.Contracts.Catalog;

/// <summary>A catalog topic with its key and value types, so that producers, topologies and tests cannot disagree on them.</summary>
/// <typeparam name="TKey">Key type: StreamFinance keys are business-key strings.</typeparam>
/// <typeparam name="TValue">Value type: a generated Avro record.</typeparam>
public sealed record Topic<TKey, TValue> : TopicSpec
{
    /// <inheritdoc />
    public override Type KeyType => typeof(TKey);

    /// <inheritdoc />
    public override Type ValueType => typeof(TValue);

    /// <inheritdoc />
    public override string ToString() => Name;
}
