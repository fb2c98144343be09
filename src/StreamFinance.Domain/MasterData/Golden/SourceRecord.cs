namespace StreamFinance.Domain.MasterData.Golden;

/// <summary>
/// One source system's version of an object, as input to <see cref="Survivorship"/>: field name to value (values as
/// strings; the topology flattens structured fields such as contacts into one canonical string, e.g. JSON).
/// </summary>
public sealed record SourceRecord
{
    /// <summary>Creates a source record.</summary>
    public SourceRecord(SourceReference source, DateTimeOffset updatedAt, IReadOnlyDictionary<string, string?> fields)
    {
        Source = source ?? throw new ArgumentNullException(nameof(source));
        UpdatedAt = updatedAt;
        Fields = fields ?? throw new ArgumentNullException(nameof(fields));
        Completeness = fields.Values.Count(IsPresent);
    }

    /// <summary>Source system and the object's id there.</summary>
    public SourceReference Source { get; }

    /// <summary>When the source last changed the record (the envelope's event time).</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>Field name (Avro field name, compared exactly) to value; a missing field and a null value are the same.</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; }

    /// <summary>How many fields have a present value (not null, not blank).</summary>
    public int Completeness { get; }

    /// <summary>The value of <paramref name="field"/> when present (not null, not blank), else null.</summary>
    public string? PresentValue(string field) =>
        Fields.TryGetValue(field, out var value) && IsPresent(value) ? value : null;

    private static bool IsPresent(string? value) => !string.IsNullOrWhiteSpace(value);
}
