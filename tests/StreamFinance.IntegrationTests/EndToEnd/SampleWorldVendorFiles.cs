using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>
/// Vendor exports for the employees and cost centers of the sample world (<c>SampleWorld</c>), dated today, in the shapes
/// of the shipped samples (<c>Samples/concur</c>, <c>Samples/expensify</c>): two Concur entry pages and one Expensify
/// report export. Together they hold 15 lines: 9 valid expenses in US01/USD, DE01/EUR (one paid in USD) and JP01/JPY,
/// one of them intercompany (a US01 employee's 310.00 USD hotel charged to DE01 through the Concur "charged legal
/// entity" custom field <c>Custom3</c>), 2 re-deliveries (a Concur entry repeated on the next page, an Expensify line
/// exported twice), 1 expense on the inactive cost center CC-1042, and 3 lines the profiles cannot map (two unmapped
/// expense types, one garbled amount).
/// </summary>
public static class SampleWorldVendorFiles
{
    /// <summary>Profile of the Concur pages.</summary>
    public const string ConcurProfile = "concur-expense-entries";

    /// <summary>Profile of the Expensify export.</summary>
    public const string ExpensifyProfile = "expensify-report-export";

    /// <summary>The three files, in the order they must be ingested (the second Concur page after the first).</summary>
    /// <param name="run">A short id making the vendor ids unique to this run.</param>
    /// <param name="today">The transaction date of every line (UTC date): inside the open period, after CC-1042 became inactive.</param>
    public static IReadOnlyList<VendorFile> For(string run, DateTime today)
    {
        PlannedExpense Concur(int n, string employee, string entity, decimal amount, string currency, string costCenter, PlannedOutcome outcome, string? field = null, string? value = null) =>
            new("concur", $"E2E{run}C{n}", employee, entity, amount, currency, costCenter, outcome, field, value);
        PlannedExpense Expensify(int n, string employee, string entity, decimal amount, string currency, string costCenter, PlannedOutcome outcome, string? field = null, string? value = null) =>
            new("expensify", $"59{run}{n:00}", employee, entity, amount, currency, costCenter, outcome, field, value);

        var c1 = Concur(1, "E-US01-001", "US01", 642.30m, "USD", "CC-1000", PlannedOutcome.Approved);
        var c2 = Concur(2, "E-DE01-002", "DE01", 84.50m, "EUR", "CC-2010", PlannedOutcome.Approved);
        var c3 = Concur(3, "E-JP01-003", "JP01", 4380m, "JPY", "CC-3010", PlannedOutcome.Approved);
        var c4 = Concur(4, "E-US01-004", "US01", 150.00m, "USD", "CC-1010", PlannedOutcome.IngestDeadLetter, "category", "GIFTS");
        var c5 = Concur(5, "E-US01-003", "US01", 249.00m, "USD", "CC-1042", PlannedOutcome.ExpenseDeadLetter, "costCenterId", "CC-1042");
        var c6 = Concur(6, "E-DE01-005", "DE01", 120.00m, "USD", "CC-2020", PlannedOutcome.Approved);
        var c7 = Concur(7, "E-US01-006", "US01", 0m, "USD", "CC-1010", PlannedOutcome.IngestDeadLetter, "amount", "12,3x");
        var c8 = Concur(8, "E-US01-002", "US01", 189.99m, "USD", "CC-1010", PlannedOutcome.Approved);
        var c9 = Concur(9, "E-US01-005", "US01", 310.00m, "USD", "CC-2010", PlannedOutcome.Approved) with { ChargedEntityId = "DE01" };
        var page1 = new JsonArray(
            ConcurItem(c1, today, "AIRFR", "United Airlines", card: $"CTX-{run}-1"),
            ConcurItem(c2, today, "BUSML", "Vapiano", tax: 13.49m, project: "PRJ-EU-LAUNCH"),
            ConcurItem(c3, today, "GRNDT", "JR East", tax: 398m, receipt: false),
            ConcurItem(c4, today, "GIFTS", "Tiffany & Co."),
            ConcurItem(c5, today, "SOFTW", "JetBrains"),
            ConcurItem(c6, today, "SOFTW", "GitHub"),
            ConcurItem(c7, today, "BUSML", "Starbucks", garbledAmount: "12,3x"));
        var page2 = new JsonArray(
            ConcurItem(c2, today, "BUSML", "Vapiano", tax: 13.49m, project: "PRJ-EU-LAUNCH"),
            ConcurItem(c8, today, "LODNG", "Hilton"),
            ConcurItem(c9, today, "LODNG", "Hotel Adlon"));

        var x1 = Expensify(1, "E-US01-002", "US01", 412.50m, "USD", "CC-1010", PlannedOutcome.Approved);
        var x2 = Expensify(2, "E-DE01-005", "DE01", 129.90m, "EUR", "CC-2020", PlannedOutcome.Approved);
        var x3 = Expensify(3, "E-JP01-004", "JP01", 3300m, "JPY", "CC-3000", PlannedOutcome.Approved);
        var x4 = Expensify(4, "E-US01-006", "US01", 50.00m, "USD", "CC-1000", PlannedOutcome.IngestDeadLetter, "category", "Entertainment");
        var export = new JsonArray(
            ExpensifyItem(x1, today, "Lodging", "Marriott", cents: 41250),
            ExpensifyItem(x1, today, "Lodging", "Marriott", cents: 41250),
            ExpensifyItem(x2, today, "Ground Transportation", "Deutsche Bahn", cents: 12990, taxCents: 830),
            ExpensifyItem(x3, today, "Meals", "Ichiran", cents: 3300),
            ExpensifyItem(x4, today, "Entertainment", "Unknown", cents: 5000));

        return
        [
            new VendorFile(ConcurProfile, $"concur-entries-{run}-page-1.json", Json(new JsonObject { ["Items"] = page1, ["NextPage"] = $"https://concur.example/api/v3.0/expense/entries?offset={c7.Id}" }),
                [c1, c2, c3, c4, c5, c6, c7]),
            new VendorFile(ConcurProfile, $"concur-entries-{run}-page-2.json", Json(new JsonObject { ["Items"] = page2, ["NextPage"] = null }),
                [c2 with { Outcome = PlannedOutcome.Duplicate }, c8, c9]),
            new VendorFile(ExpensifyProfile, $"expensify-export-{run}.json", Json(export),
                [x1, x1 with { Outcome = PlannedOutcome.Duplicate }, x2, x3, x4]),
        ];
    }

    /// <summary>
    /// An Expensify export of one line (75.00 USD, E-US01-002) on cost center <see cref="UnknownCostCenter"/>, which the
    /// sample world does not have: the expense topology holds it, waiting for that cost center (<see cref="PlannedOutcome.Held"/>).
    /// </summary>
    /// <param name="run">A short id making the vendor id unique to this run.</param>
    /// <param name="today">The transaction date (UTC date).</param>
    public static VendorFile Waiting(string run, DateTime today)
    {
        var line = new PlannedExpense("expensify", $"59{run}90", "E-US01-002", "US01", 75.00m, "USD", UnknownCostCenter, PlannedOutcome.Held);
        return new VendorFile(ExpensifyProfile, $"expensify-export-{run}-waiting.json", Json(new JsonArray(ExpensifyItem(line, today, "Meals", "Chipotle", cents: 7500))), [line]);
    }

    /// <summary>A cost center code the sample world's master data does not hold.</summary>
    public const string UnknownCostCenter = "CC-1999";

    private static JsonObject ConcurItem(PlannedExpense line, DateTime today, string typeCode, string vendor, decimal? tax = null, string? project = null,
        bool receipt = true, string? card = null, string? garbledAmount = null) => new()
    {
        ["ID"] = line.Id,
        ["ReportID"] = $"RPT-{line.EmployeeId}-{today:yyyyMM}",
        ["ReportOwnerID"] = line.EmployeeId,
        ["ExpenseTypeCode"] = typeCode,
        ["TransactionDate"] = today.ToString("yyyy-MM-dd'T'00:00:00", CultureInfo.InvariantCulture),
        ["TransactionAmount"] = garbledAmount is null ? JsonValue.Create(line.Amount) : JsonValue.Create(garbledAmount),
        ["TransactionCurrencyCode"] = line.Currency,
        ["PostedAmount"] = garbledAmount is null ? JsonValue.Create(line.Amount) : null,
        ["VendorDescription"] = vendor,
        ["BusinessPurpose"] = $"end-to-end {line.Id}",
        ["HasVAT"] = tax is not null,
        ["TaxAmount"] = tax is null ? null : JsonValue.Create(tax.Value),
        ["ReceiptReceived"] = receipt,
        ["IsPersonalCardCharge"] = card is null,
        ["CreditCardTransactionID"] = card,
        ["Custom1"] = new JsonObject { ["Type"] = "List", ["Value"] = line.CostCenterId, ["Code"] = line.CostCenterId },
        ["Custom2"] = project is null ? null : new JsonObject { ["Type"] = "List", ["Value"] = project, ["Code"] = project },
        ["Custom3"] = line.ChargedEntityId is null ? null : new JsonObject { ["Type"] = "List", ["Value"] = "Charged legal entity", ["Code"] = line.ChargedEntityId },
        ["LastModified"] = today.ToString("yyyy-MM-dd'T'08:00:00", CultureInfo.InvariantCulture),
    };

    private static JsonObject ExpensifyItem(PlannedExpense line, DateTime today, string category, string merchant, long cents, long taxCents = 0) => new()
    {
        ["transactionID"] = line.Id,
        ["reportID"] = $"R-{line.EmployeeId}-{today:yyyyMM}",
        ["reportName"] = "End-to-end",
        ["employeeEmail"] = $"{line.EmployeeId.ToLowerInvariant()}@streamfinance.example",
        ["employeeCustomField1"] = line.EmployeeId,
        ["merchant"] = merchant,
        ["category"] = category,
        ["tag"] = line.CostCenterId,
        ["created"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["amount"] = cents,
        ["currency"] = line.Currency,
        ["taxAmount"] = taxCents,
        ["receiptID"] = 990000 + cents % 1000,
        ["comment"] = $"end-to-end {line.Id}",
        ["reimbursable"] = true,
        ["modifiedCreated"] = today.ToString("yyyy-MM-dd 08:00:00", CultureInfo.InvariantCulture),
    };

    private static string Json(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
