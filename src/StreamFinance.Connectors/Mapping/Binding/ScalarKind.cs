namespace StreamFinance.Connectors.Mapping.Binding;

/// <summary>The Avro types a text value is converted to.</summary>
internal enum ScalarKind
{
    String,
    Uuid,
    Int,
    Long,
    Boolean,
    Enum,
    Date,
    TimestampMillis,
    Decimal,
}
