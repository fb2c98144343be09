using System.Globalization;
using System.Text.Json;

namespace StreamFinance.IntegrationTests.Acceptance.Model;

/// <summary>An expense-side record as the model reads it: an expense-report line, or a card transaction (coded or not).</summary>
/// <param name="Key">The idempotency key the connector gives it (<c>source:topic:id</c>).</param>
/// <param name="ExpenseId">The expense id it posts under: the Concur entry id, or <c>provider:id</c> of a card.</param>
/// <param name="Card">The card purchase it names (a Concur line's bare id) or is (<c>provider:id</c>); null for personal spend.</param>
public sealed record ModelLine(
    string Key, string ExpenseId, string Source, string Employee, DateOnly Date, decimal Amount, string Currency, string? Category,
    string? CostCenter, string? Project, string? Charged, bool? Receipt, string? Card, bool IsCard)
{
    /// <summary>A card transaction with a cost center, a category and a receipt flag: an expense of its own (README, coded card spend).</summary>
    public bool Coded => IsCard && CostCenter is not null && Category is not null && Receipt is not null;

    /// <summary>The card transaction id the purchase is keyed by (without provider).</summary>
    public string? TransactionId => Card is null ? null : Card.Contains(':', StringComparison.Ordinal) ? Card[(Card.IndexOf(':', StringComparison.Ordinal) + 1)..] : Card;
}

/// <summary>One record of a vendor file: where it is, in which phase it arrives, and what the connector makes of it.</summary>
/// <param name="Line">The mapped line, or null when the connector dead-letters it.</param>
/// <param name="IngestReason">The connector's reason code when it dead-letters the record (README "Typed reads"), else null.</param>
public sealed record ModelRecord(string Profile, string File, int Position, int Phase, string Tags, ModelLine? Line, string? IngestReason);

/// <summary>
/// Reads the acceptance dataset plainly (System.Text.Json and a small CSV reader, not the product's mapping engine):
/// master-data exports into <see cref="ModelMasterData"/>, vendor files into <see cref="ModelRecord"/>s. Folders:
/// <c>master-data/&lt;profile&gt;/</c>, <c>phase-N/&lt;profile&gt;/</c>.
/// </summary>
public sealed class AcceptanceDataset
{
    private static readonly HashSet<string> IsoCurrencies = ["USD", "EUR", "GBP", "JPY", "CHF", "MXN"];
    private static readonly Dictionary<string, string> Subsidiaries = new() { ["StreamFinance Demo Inc."] = "US01", ["StreamFinance Demo GmbH"] = "DE01", ["StreamFinance Demo K.K."] = "JP01" };
    private static readonly Dictionary<string, string> ConcurTypes = new() { ["AIRFR"] = "AIRFARE", ["LODNG"] = "HOTEL", ["BUSML"] = "MEALS", ["GRNDT"] = "GROUND_TRANSPORT", ["SOFTW"] = "SOFTWARE", ["OFCSP"] = "OFFICE_SUPPLIES" };
    private static readonly Dictionary<string, string> RampCategories = new()
    {
        ["Airlines"] = "AIRFARE", ["Lodging"] = "HOTEL", ["Restaurants"] = "MEALS", ["Taxi and Rideshare"] = "GROUND_TRANSPORT", ["Car Rental"] = "GROUND_TRANSPORT",
        ["Rail"] = "GROUND_TRANSPORT", ["SaaS / Software"] = "SOFTWARE", ["Office Supplies"] = "OFFICE_SUPPLIES",
    };
    private static readonly Dictionary<string, string> BrexCategories = new()
    {
        ["AIRLINE_EXPENSES"] = "AIRFARE", ["LODGING"] = "HOTEL", ["RESTAURANTS"] = "MEALS", ["FOOD_DELIVERY"] = "MEALS", ["RIDESHARE_AND_TAXI"] = "GROUND_TRANSPORT",
        ["PUBLIC_TRANSPORTATION"] = "GROUND_TRANSPORT", ["CAR_RENTAL"] = "GROUND_TRANSPORT", ["SOFTWARE_NON_RECURRING"] = "SOFTWARE",
        ["RECURRING_SOFTWARE_AND_SAAS"] = "SOFTWARE", ["OFFICE_SUPPLIES"] = "OFFICE_SUPPLIES",
    };

    /// <summary>The master data in the <c>master-data</c> folder (loaded before anything else).</summary>
    public ModelMasterData MasterData { get; } = new();

    /// <summary>Master data arriving with a later phase (e.g. a new hire), by phase: applied to <see cref="MasterData"/> by <see cref="ApplyMasterData"/>.</summary>
    private readonly Dictionary<int, List<Action<ModelMasterData>>> lateMasterData = [];

    /// <summary>Every expense-side record, in file order, phase by phase.</summary>
    public List<ModelRecord> Records { get; } = [];

    /// <summary>Master-data records the connectors or the master-data topology dead-letter: (file, reason).</summary>
    public List<(string File, string Reason)> MasterDataDeadLetters { get; } = [];

    /// <summary>Every file: (phase, profile folder, path); phase 0 is master data.</summary>
    public List<(int Phase, string Profile, string Path)> Files { get; } = [];

    /// <summary>Reads the dataset under <paramref name="root"/>.</summary>
    public static AcceptanceDataset Load(string root)
    {
        var data = new AcceptanceDataset();
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            var phase = name == "master-data" ? 0 : int.Parse(name["phase-".Length..], CultureInfo.InvariantCulture);
            foreach (var profileFolder in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
                foreach (var file in Directory.GetFiles(profileFolder).Order(StringComparer.Ordinal))
                {
                    var profile = Path.GetFileName(profileFolder);
                    data.Files.Add((phase, profile, file));
                    data.Read(phase, profile, file);
                }
        }
        return data;
    }

    /// <summary>Applies the master data of <paramref name="phase"/> (nothing for most phases).</summary>
    public void ApplyMasterData(int phase)
    {
        foreach (var apply in lateMasterData.GetValueOrDefault(phase) ?? [])
            apply(MasterData);
    }

    private void Read(int phase, string profile, string path)
    {
        var file = Path.GetFileName(path);
        void MasterDataNow(Action<ModelMasterData> apply)
        {
            if (phase == 0)
                apply(MasterData);
            else
                (lateMasterData.TryGetValue(phase, out var list) ? list : lateMasterData[phase] = []).Add(apply);
        }
        switch (profile)
        {
            case "concur-expense-entries":
                ReadJson(path, "Items", phase, profile, Concur);
                break;
            case "ramp-card-transactions":
                ReadJson(path, "data", phase, profile, Ramp);
                break;
            case "brex-card-transactions":
                ReadJson(path, "items", phase, profile, Brex);
                break;
            case "sap-cost-centers":
                foreach (var r in Csv(path, ';'))
                    MasterDataNow(md => md.Add("COST_CENTER", r["KOSTL"], Ymd(r["DATAB"]),
                        new ModelCostCenter(r["BUKRS"], r["BKZKP"] != "X", Ymd(r["ERSDA"]), r["DATBI"] == "99991231" ? null : Ymd(r["DATBI"]))));
                break;
            case "sap-tax-codes":
                foreach (var r in Csv(path, ';'))
                    MasterDataNow(md => md.Add("TAX_CODE", r["MWSKZ"], Ymd(r["DATAB"]), new ModelTaxCode(r["LAND1"], Ymd(r["DATAB"]), r["DATBI"] == "99991231" ? null : Ymd(r["DATBI"]))));
                break;
            case "sap-posting-periods":
                foreach (var r in Csv(path, ';'))
                {
                    var id = $"{r["BUKRS"]}-{r["GJAHR"]}-{r["MONAT"]}";
                    MasterDataNow(md => md.Add("ACCOUNTING_PERIOD", id, Ymd(r["AEDAT"]), new ModelPeriod(id, r["BUKRS"], int.Parse(r["GJAHR"], CultureInfo.InvariantCulture),
                        int.Parse(r["MONAT"], CultureInfo.InvariantCulture), Ymd(r["BEGDA"]), Ymd(r["ENDDA"]), r["STATUS"] == "O")));
                }
                break;
            case "netsuite-employees":
                foreach (var r in Csv(path, ','))
                {
                    if (!Subsidiaries.TryGetValue(r["Subsidiary"], out var entity))
                    {
                        MasterDataDeadLetters.Add((file, "MAPPING_FAILED"));
                        continue;
                    }
                    MasterDataNow(md => md.Add("EMPLOYEE", r["Employee ID"], Us(r["Hire Date"]), new ModelEmployee(entity, r["Department"])));
                }
                break;
            case "netsuite-projects":
                foreach (var r in Csv(path, ','))
                    MasterDataNow(md => md.Add("PROJECT", r["ID"], Us(r["Start Date"]),
                        new ModelProject(r["Status"] != "Closed", Us(r["Start Date"]), r["Projected End Date"].Length == 0 ? null : Us(r["Projected End Date"]))));
                break;
            case "sap-expense-categories":
                foreach (var e in JsonRecords(path, "d", "results"))
                    MasterDataNow(md => md.Add("EXPENSE_CATEGORY", S(e, "SPKZL")!, Ymd(S(e, "BEGDA")!), new ModelCategory(S(e, "SAKNR")!,
                        e.GetProperty("MaxAmounts").EnumerateArray().ToDictionary(m => S(m, "WAERS")!, m => decimal.Parse(S(m, "BETRG")!, CultureInfo.InvariantCulture)))));
                break;
            case "d365-legal-entities":
                foreach (var e in JsonRecords(path, "value"))
                    MasterDataNow(md => md.Add("LEGAL_ENTITY", S(e, "LegalEntityId")!, Day(S(e, "ModifiedDateTime")!), new ModelEntity(S(e, "AccountingCurrency")!,
                        S(e, "AddressCountryRegionId")![..2], S(e, "ExpenseDefaultTaxCode"), decimal.Parse(S(e, "ExpenseReceiptThreshold")!, CultureInfo.InvariantCulture))));
                break;
            case "d365-exchange-rates":
                foreach (var e in JsonRecords(path, "value"))
                {
                    var rate = e.GetProperty("Rate").GetDecimal();
                    if (rate <= 0m)
                        MasterDataDeadLetters.Add((file, "INVALID_FX_RATE"));
                    else
                        MasterDataNow(md =>
                        {
                            var day = Day(S(e, "StartDate")!);
                            md.Rates[(S(e, "FromCurrency")!, S(e, "ToCurrency")!, day)] = rate;
                            md.Add("EXCHANGE_RATE", $"{S(e, "FromCurrency")}/{S(e, "ToCurrency")}/{day:yyyy-MM-dd}", day, new object());
                        });
                }
                break;
            default:
                throw new InvalidOperationException($"The acceptance model does not know profile folder {profile}.");
        }
    }

    private void ReadJson(string path, string records, int phase, string profile, Func<JsonElement, (ModelLine? Line, string? Reason)> read)
    {
        var position = 0;
        foreach (var e in JsonRecords(path, records))
        {
            position++;
            var tags = (S(e, "BusinessPurpose") ?? S(e, "memo") ?? "").Trim('[', ']');
            // A string the JSON text escapes as a lone surrogate cannot be read as text at all: the format's PARSE_FAILED.
            var (line, reason) = Unreadable(e) ? (null, "PARSE_FAILED") : read(e);
            Records.Add(new ModelRecord(profile, Path.GetFileName(path), position, phase, tags, line, reason));
        }
    }

    private static (ModelLine?, string?) Concur(JsonElement e)
    {
        if (!ConcurTypes.TryGetValue(S(e, "ExpenseTypeCode")!, out var category))
            return (null, "MAPPING_FAILED");
        var amount = e.GetProperty("TransactionAmount");
        if (amount.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return (null, "SCHEMA_INVALID");
        var id = S(e, "ID")!;
        return (new ModelLine($"concur:ingest.expenses:{id}", id, "concur", S(e, "ReportOwnerID")!, Day(S(e, "TransactionDate")!), amount.GetDecimal(),
            S(e, "TransactionCurrencyCode")!, category, Code(e, "Custom1"), Code(e, "Custom2"), Code(e, "Custom3"),
            e.GetProperty("ReceiptReceived").GetBoolean(), S(e, "CreditCardTransactionID"), IsCard: false), null);
    }

    private static (ModelLine?, string?) Ramp(JsonElement e)
    {
        var original = e.GetProperty("original_transaction_amount");
        if (original.GetProperty("amount").ValueKind != JsonValueKind.Number)
            return (null, "SCHEMA_INVALID");
        var currency = S(original, "currency_code")!;
        if (!IsoCurrencies.Contains(currency))
            return (null, "MAPPING_FAILED");
        string? Selection(string field) => e.GetProperty("accounting_field_selections").EnumerateArray()
            .Where(s => S(s.GetProperty("category_info"), "external_id") == field).Select(s => S(s, "external_id")).FirstOrDefault();
        var id = S(e, "id")!;
        return (new ModelLine($"ramp:ingest.card-transactions:{id}", $"ramp:{id}", "ramp", S(e.GetProperty("card_holder"), "employee_id")!,
            Day(S(e, "user_transaction_time")!), Minor(original.GetProperty("amount").GetInt64(), currency), currency,
            RampCategories.GetValueOrDefault(S(e, "sk_category_name")!), Selection("cost_center"), Selection("project"), null,
            e.GetProperty("receipts").GetArrayLength() > 0, $"ramp:{id}", IsCard: true), null);
    }

    private static (ModelLine?, string?) Brex(JsonElement e)
    {
        var original = e.GetProperty("original_amount");
        if (original.GetProperty("amount").ValueKind != JsonValueKind.Number)
            return (null, "SCHEMA_INVALID");
        var currency = S(original, "currency")!;
        string? Field(string field) => e.GetProperty("custom_fields").EnumerateArray()
            .Where(f => S(f.GetProperty("field"), "remote_id") == field).Select(f => S(f.GetProperty("value"), "remote_id")).FirstOrDefault();
        var id = S(e, "id")!;
        return (new ModelLine($"brex:ingest.card-transactions:{id}", $"brex:{id}", "brex", S(e.GetProperty("user"), "employee_id")!,
            Day(S(e, "purchased_at")!), Minor(original.GetProperty("amount").GetInt64(), currency), currency,
            BrexCategories.GetValueOrDefault(S(e, "category")!), Field("cost_center"), Field("project"), null,
            e.GetProperty("receipts").GetArrayLength() > 0, $"brex:{id}", IsCard: true), null);
    }

    /// <summary>An amount in the currency's minor unit (JPY has none).</summary>
    private static decimal Minor(long amount, string currency) => currency == "JPY" ? amount : amount / 100m;

    private static bool Unreadable(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().Any(p => Unreadable(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().Any(Unreadable),
        JsonValueKind.String => !TryText(e),
        _ => false,
    };

    private static bool TryText(JsonElement e)
    {
        string text;
        try
        {
            text = e.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        for (var i = 0; i < text.Length; i++)
            if (char.IsHighSurrogate(text[i]) ? !(i + 1 < text.Length && char.IsLowSurrogate(text[++i])) : char.IsLowSurrogate(text[i]))
                return false;
        return true;
    }

    private static string? Code(JsonElement e, string field) =>
        e.TryGetProperty(field, out var f) && f.ValueKind == JsonValueKind.Object ? S(f, "Code") : null;

    private static string? S(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<JsonElement> JsonRecords(string path, params string[] at)
    {
        var root = JsonDocument.Parse(File.ReadAllBytes(path)).RootElement;
        foreach (var name in at)
            root = root.GetProperty(name);
        return [.. root.EnumerateArray()];
    }

    /// <summary>A small CSV reader (quoted fields with the delimiter inside; no line breaks in fields).</summary>
    private static IEnumerable<Dictionary<string, string>> Csv(string path, char delimiter)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
        var header = Split(lines[0], delimiter);
        foreach (var line in lines.Skip(1))
        {
            var cells = Split(line, delimiter);
            yield return header.Select((h, i) => (h, cells[i])).ToDictionary(c => c.h, c => c.Item2);
        }
    }

    private static List<string> Split(string line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            else if (c == delimiter && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
                cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }

    private static DateOnly Ymd(string text) => DateOnly.ParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly Us(string text) => DateOnly.ParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture);

    /// <summary>The calendar date as written at the start of an ISO date or date-time.</summary>
    private static DateOnly Day(string text) => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
