using Avro.Specific;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>One record a source system sends: its topic, key and value, and what it is for the trace.</summary>
internal sealed record SourceRecord(string Topic, string Key, ISpecificRecord Value, string Description);

/// <summary>
/// The records the sources send in one run, in sending order, from the seed alone:
/// <list type="bullet">
/// <item>master data: entities, tax codes, April periods, cost centers, employees and FX rates; about one in five of
/// them (and one employee and the rates of some days always) is held back and sent mid-stream, and one cost center goes
/// inactive from a day in April mid-stream;</item>
/// <item>expense lines: valid ones, over a category limit, without a required receipt, of an unknown employee (waits
/// for master data, then dead-lettered at the horizon), in a foreign currency (waits for its rate), on another
/// entity's cost center (intercompany), some paid by card;</item>
/// <item>card transactions: one per card-paid line, and some that no line documents;</item>
/// <item>re-deliveries (the same record again) and duplicates (the same idempotency key with a new event id);</item>
/// <item>bounded reordering: every record moves at most <see cref="ReorderWindow"/> places from where it was planned.</item>
/// </list>
/// </summary>
internal static class Workload
{
    public const int ReorderWindow = 4;

    public static List<SourceRecord> Generate(Random random, int lines)
    {
        var early = new List<SourceRecord>();
        var late = new List<SourceRecord>();
        void Md(MasterDataUpdate update, bool holdBack) =>
            (holdBack ? late : early).Add(new SourceRecord(Topics.MasterDataUpdates.Name, MasterDataKeys.For(update.objectType, update.businessKey), update,
                $"md {update.objectType} {update.businessKey} from {update.effectiveDate:yyyy-MM-dd}"));

        foreach (var (entity, country, _, taxCode) in SimWorld.Entities)
        {
            Md(SimWorld.LegalEntity(random, entity), random.Next(10) == 0);
            Md(SimWorld.TaxCode(random, taxCode, country), random.Next(10) == 0);
            Md(SimWorld.April(random, entity), random.Next(10) == 0);
        }
        foreach (var (id, entity) in SimWorld.CostCenters)
            Md(SimWorld.CostCenter(random, id, entity, CostCenterStatus.ACTIVE, new DateOnly(2020, 1, 1)), random.Next(5) == 0);
        var lateHire = random.Next(SimWorld.Employees.Length);
        for (var i = 0; i < SimWorld.Employees.Length; i++)
            Md(SimWorld.Employee(random, SimWorld.Employees[i].Id, SimWorld.Employees[i].Entity, SimWorld.Employees[i].CostCenter), i == lateHire || random.Next(5) == 0);
        for (var day = 11; day <= 20; day++)
        {
            var date = new DateOnly(2026, 4, day);
            var holdBack = random.Next(4) == 0;
            Md(SimWorld.Rate(random, "USD", "EUR", date, 0.9m + random.Next(100) / 1000m), holdBack);
            Md(SimWorld.Rate(random, "EUR", "USD", date, 1.05m + random.Next(100) / 1000m), holdBack);
            Md(SimWorld.Rate(random, "USD", "JPY", date, 140m + random.Next(2000) / 100m), holdBack);
        }
        var closing = SimWorld.CostCenters[random.Next(SimWorld.CostCenters.Length)];
        late.Add(Deactivation(random, closing.Id, closing.Entity, new DateOnly(2026, 4, random.Next(12, 21))));

        var transactions = new List<SourceRecord>();
        for (var i = 0; i < lines; i++)
            transactions.AddRange(Expense(random, i));
        for (var i = 0; i < lines / 8; i++)
        {
            var employee = SimWorld.Employees[random.Next(SimWorld.Employees.Length)];
            var card = SimWorld.Card(random, $"CT-ORPHAN-{i:D3}", employee.Id, Amount(random, SimWorld.CurrencyOf(employee.Entity)), SimWorld.CurrencyOf(employee.Entity), new DateOnly(2026, 4, random.Next(11, 21)));
            transactions.Add(new SourceRecord(Topics.CardTransactions.Name, card.transactionId, card, $"card {card.transactionId} undocumented"));
        }
        Shuffle(random, transactions);

        // Late master data lands among the transactions; then re-deliveries and duplicates of anything sent.
        var planned = new List<SourceRecord>(early);
        foreach (var record in transactions)
        {
            planned.Add(record);
            if (late.Count > 0 && random.Next(Math.Max(1, transactions.Count / (late.Count + 1))) == 0)
            {
                planned.Add(late[0]);
                late.RemoveAt(0);
            }
        }
        planned.AddRange(late);
        var withRepeats = new List<SourceRecord>();
        foreach (var record in planned)
        {
            withRepeats.Add(record);
            if (random.Next(100) < 12)
                withRepeats.Add(record with { Description = record.Description + " (re-delivered)" });
            else if (random.Next(100) < 8 && record.Value is ExpenseLine line)
                withRepeats.Add(new SourceRecord(record.Topic, record.Key, Duplicate(random, line), record.Description + " (duplicate, new event id)"));
        }
        return Reorder(random, withRepeats);
    }

    private static SourceRecord Deactivation(Random random, string id, string entity, DateOnly from)
    {
        var update = SimWorld.CostCenter(random, id, entity, CostCenterStatus.INACTIVE, from);
        return new SourceRecord(Topics.MasterDataUpdates.Name, MasterDataKeys.For(update.objectType, update.businessKey), update, $"md COST_CENTER {id} INACTIVE from {from:yyyy-MM-dd}");
    }

    private static IEnumerable<SourceRecord> Expense(Random random, int index)
    {
        var id = $"EXP-{index:D4}";
        var kind = random.Next(100);
        var employee = SimWorld.Employees[random.Next(SimWorld.Employees.Length)];
        var employeeId = kind < 4 ? "E-GHOST" : employee.Id;
        var currency = kind is >= 4 and < 14 ? (employee.Entity == "US01" ? "EUR" : "USD") : SimWorld.CurrencyOf(employee.Entity);
        string? costCenter = kind is >= 14 and < 24 ? SimWorld.CostCenters[random.Next(SimWorld.CostCenters.Length)].Id : null;
        var category = kind is >= 24 and < 30 ? "MEALS" : "SOFTWARE";
        var amount = category == "MEALS" ? 200_000m / (currency == "JPY" ? 1m : 100m) : Amount(random, currency);
        var receipt = !(kind is >= 30 and < 35);
        if (!receipt)
            amount = currency == "JPY" ? 50_000m : 500m;
        var date = new DateOnly(2026, 4, random.Next(11, 21));
        var card = random.Next(4) == 0 ? $"CT-{index:D4}" : null;
        var line = SimWorld.Line(random, id, employeeId, amount, currency, date, category, receipt, costCenter, card);
        var what = kind switch
        {
            < 4 => "unknown employee",
            < 14 => "foreign currency",
            < 24 => "explicit cost center",
            < 30 => "meals over limit",
            < 35 => "no receipt",
            _ => "plain",
        };
        yield return new SourceRecord(Topics.Expenses.Name, id, line, $"line {id} {employeeId} {amount} {currency} {date:yyyy-MM-dd} {costCenter ?? "default cc"} ({what}){(card is null ? "" : " card " + card)}");
        if (card is not null && random.Next(6) != 0)
        {
            var charge = SimWorld.Card(random, card, employeeId, amount, currency, date);
            yield return new SourceRecord(Topics.CardTransactions.Name, card, charge, $"card {card} for {id}");
        }
    }

    private static decimal Amount(Random random, string currency) =>
        currency == "JPY" ? random.Next(100, 9_000) : random.Next(100, 7_000) / 100m;

    private static ExpenseLine Duplicate(Random random, ExpenseLine line) => new()
    {
        envelope = SimWorld.Resent(random, line.envelope), reportId = line.reportId, expenseId = line.expenseId, employeeId = line.employeeId,
        merchant = line.merchant, category = line.category, transactionDate = line.transactionDate, amount = line.amount, tax = line.tax,
        receiptAttached = line.receiptAttached, cardTransactionId = line.cardTransactionId, costCenterId = line.costCenterId, projectId = line.projectId,
        glAccountId = line.glAccountId, taxCodeId = line.taxCodeId, chargedEntityId = line.chargedEntityId, description = line.description,
    };

    private static void Shuffle<T>(Random random, List<T> list)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>Each record moves at most <see cref="ReorderWindow"/> places: sort by planned place plus a random delay below the window.</summary>
    private static List<SourceRecord> Reorder(Random random, List<SourceRecord> planned) =>
        [.. planned.Select((record, i) => (record, at: i + random.Next(ReorderWindow + 1), i)).OrderBy(x => x.at).ThenBy(x => x.i).Select(x => x.record)];
}
