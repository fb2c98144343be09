using System.Globalization;

namespace StreamFinance.Topologies.Procurement;

/// <summary>Where a purchase order stands in the topology.</summary>
public enum OrderStage
{
    /// <summary>A draft was seen; nothing committed.</summary>
    Draft,

    /// <summary><see cref="OrderState.Revision"/> is committed.</summary>
    Committed,

    /// <summary><see cref="OrderState.Revision"/> is held (an earlier committed revision, if any, stays committed).</summary>
    Held,

    /// <summary>Cancelled: what was committed is reversed; terminal.</summary>
    Cancelled,

    /// <summary>Closed: what remained committed is released; terminal.</summary>
    Closed,
}

/// <summary>
/// One order's entry in <see cref="ProcurementNames.OrderStore"/>: its stage, the latest revision decided, the revision
/// committed (null when none), its hold key while held, and what it reserves per budget key (in each budget's currency).
/// Stored as text: <c>stage|revision|committedRevision|holdKey|key=amount;key=amount</c>.
/// </summary>
public sealed record OrderState(OrderStage Stage, int Revision, int? CommittedRevision, string? HoldKey, IReadOnlyDictionary<string, decimal> Reserved)
{
    /// <summary>Whether the order takes no more revisions (cancelled or closed).</summary>
    public bool IsFinal => Stage is OrderStage.Cancelled or OrderStage.Closed;

    /// <summary>The stored text.</summary>
    public override string ToString() => string.Join('|',
        Stage.ToString(),
        Revision.ToString(CultureInfo.InvariantCulture),
        CommittedRevision?.ToString(CultureInfo.InvariantCulture) ?? "",
        HoldKey ?? "",
        string.Join(';', Reserved.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key}={r.Value.ToString(CultureInfo.InvariantCulture)}")));

    /// <summary>Reads the stored text back.</summary>
    /// <exception cref="FormatException">The text is not an order state.</exception>
    public static OrderState Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('|');
        // The hold key may itself hold '|' (first-held ticks|PO number): it is everything between the third and the last.
        if (parts.Length < 5 || !Enum.TryParse<OrderStage>(parts[0], out var stage))
            throw new FormatException($"'{text}' is not an order state (stage|revision|committedRevision|holdKey|reservations).");
        var reserved = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var pair in parts[^1].Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.LastIndexOf('=');
            reserved[pair[..at]] = decimal.Parse(pair[(at + 1)..], NumberStyles.Number, CultureInfo.InvariantCulture);
        }
        return new OrderState(
            stage,
            int.Parse(parts[1], CultureInfo.InvariantCulture),
            parts[2].Length == 0 ? null : int.Parse(parts[2], CultureInfo.InvariantCulture),
            string.Join('|', parts[3..^1]) is { Length: > 0 } holdKey ? holdKey : null,
            reserved);
    }
}
