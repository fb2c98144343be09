using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Suppliers;

namespace StreamFinance.Topologies.MasterData;

/// <summary>Turns a <see cref="SupplierDuplicatePair"/> into the <c>md.supplier-duplicates</c> record.</summary>
public static class DuplicateCandidateFactory
{
    /// <summary>Scale of <c>SupplierDuplicateCandidate.score</c>.</summary>
    public const int ScoreScale = 4;

    /// <summary>The candidate for <paramref name="pair"/> between <paramref name="first"/> and <paramref name="second"/> (in the pair's order).</summary>
    public static SupplierDuplicateCandidate From(
        SupplierDuplicatePair pair, SupplierSourceState first, SupplierSourceState second, DuplicateCandidateStatus status, DateTime detectedAt)
    {
        ArgumentNullException.ThrowIfNull(pair);
        return new SupplierDuplicateCandidate
        {
            pairId = pair.PairId,
            first = ReferenceOf(pair.First),
            second = ReferenceOf(pair.Second),
            firstName = first.supplier.legalName,
            secondName = second.supplier.legalName,
            score = AvroDecimals.ToAvro(Score(pair), ScoreScale),
            evidence = pair.Evidence.Select(e => e.Description).ToList(),
            status = status,
            detectedAt = DateTime.SpecifyKind(detectedAt, DateTimeKind.Utc),
        };
    }

    /// <summary>The pair's score as the decimal written to the record.</summary>
    public static decimal Score(SupplierDuplicatePair pair) => Math.Round((decimal)pair.Score, ScoreScale, MidpointRounding.AwayFromZero);

    private static SupplierSourceReference ReferenceOf(SourceReference reference) =>
        new() { sourceSystem = reference.SourceSystem, sourceId = reference.SourceId };
}
