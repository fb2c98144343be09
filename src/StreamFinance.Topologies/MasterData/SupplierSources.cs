using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Golden;
using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Topologies.MasterData;

/// <summary>How duplicate detection and survivorship see one <see cref="SupplierSourceState"/>.</summary>
public static class SupplierSources
{
    /// <summary>The object's own source reference.</summary>
    public static SourceReference ReferenceOf(SupplierSourceState state) => new(state.source.sourceSystem, state.source.sourceId);

    /// <summary>The cross-references the object's source asserted in its payload (<c>sourceReferences</c>), other than its own.</summary>
    public static IEnumerable<SourceReference> DeclaredReferencesOf(SupplierSourceState state)
    {
        var own = ReferenceOf(state);
        return (state.supplier.sourceReferences ?? [])
            .Where(r => !string.IsNullOrWhiteSpace(r?.sourceSystem) && !string.IsNullOrWhiteSpace(r.sourceId))
            .Select(r => new SourceReference(r.sourceSystem, r.sourceId))
            .Where(r => r != own)
            .Distinct();
    }

    /// <summary>Whether either object names the other in its cross-references.</summary>
    public static bool ExplicitlyLinked(SupplierSourceState a, SupplierSourceState b) =>
        DeclaredReferencesOf(a).Contains(ReferenceOf(b)) || DeclaredReferencesOf(b).Contains(ReferenceOf(a));

    /// <summary>The match record for <see cref="SupplierDuplicateDetector"/>.</summary>
    public static SupplierMatchRecord MatchOf(SupplierSourceState state) =>
        new(ReferenceOf(state), state.supplier.legalName, state.supplier.taxId, state.supplier.bankAccountFingerprint, state.supplier.country);

    /// <summary>The source record for <see cref="Survivorship"/>: updated at the envelope's event time.</summary>
    public static SourceRecord SourceRecordOf(SupplierSourceState state) =>
        new(ReferenceOf(state), UpdatedAt(state), SupplierFieldValues.Of(state.supplier));

    /// <summary>When the object's source last changed it (the envelope's event time, UTC).</summary>
    public static DateTimeOffset UpdatedAt(SupplierSourceState state) =>
        new(DateTime.SpecifyKind(state.supplier.envelope?.eventTime ?? DateTime.UnixEpoch, DateTimeKind.Utc));
}
