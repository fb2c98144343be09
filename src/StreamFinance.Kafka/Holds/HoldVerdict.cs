using StreamFinance.Contracts.Common;

namespace StreamFinance.Kafka.Holds;

/// <summary>What the rule says about a held record when it is evaluated again (see <see cref="HoldRelease"/>).</summary>
/// <typeparam name="T">What the record becomes downstream: the decision that is forwarded when it is released.</typeparam>
/// <param name="Outcome">The decision as of now: forwarded when the record is released, or when it waits past the horizon.</param>
/// <param name="WaitsFor">What it still waits for; null when the rule lets it go (approved, or failed for a reason that waiting cannot cure).</param>
public sealed record HoldVerdict<T>(T Outcome, IReadOnlyList<HoldReason>? WaitsFor)
{
    /// <summary>The record leaves the hold with <paramref name="outcome"/>.</summary>
    public static HoldVerdict<T> Release(T outcome) => new(outcome, null);

    /// <summary>The record keeps waiting for <paramref name="reasons"/>; <paramref name="outcome"/> is what it becomes at the horizon.</summary>
    public static HoldVerdict<T> Wait(T outcome, IReadOnlyList<HoldReason> reasons)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentOutOfRangeException.ThrowIfZero(reasons.Count, nameof(reasons));
        return new(outcome, reasons);
    }
}
