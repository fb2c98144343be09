namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// A transaction set the X12 format reads: its id (ST01), the functional identifier its group must carry (GS01) and
/// the segment that must follow ST.
/// </summary>
internal sealed record X12TransactionSetType(string Id, string FunctionalId, string BeginningSegment, string Name)
{
    /// <summary>850 purchase orders (group PO) and 810 invoices (group IN).</summary>
    public static IReadOnlyDictionary<string, X12TransactionSetType> Supported { get; } = new Dictionary<string, X12TransactionSetType>
    {
        ["850"] = new("850", "PO", "BEG", "purchase order"),
        ["810"] = new("810", "IN", "BIG", "invoice"),
    };
}
