using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Topologies.Tests.Expenses;
using static StreamFinance.Topologies.Tests.Expenses.ExpenseWorld;

namespace StreamFinance.Topologies.Tests.Procurement;

/// <summary>
/// Master data of the procurement tests, on top of <see cref="ExpenseWorld"/> (entities, periods, cost centers). Orders
/// are dated 2026-04-10 (period DE01-2026-04, open). DE01 (EUR): cost centers CC-2010 (budget 20,000.00 EUR) and
/// CC-2020 (budget 5,000.00 EUR), project PRJ-EU (budget 8,000.00 EUR); requester E-DE-2, approved by E-DE-MGR (limit
/// 50,000.00 EUR); requester E-DE-3, approved by E-DE-LOW (limit 1,000.00 EUR); GL account 650200. Suppliers: SUP-1
/// (active, known to Coupa as 4401), SUP-BLK (blocked), SUP-RISK (high risk screening), SUP-NC (non-compliant).
/// US01 (USD) orders in EUR convert at 1.10 on 2026-04-10.
/// </summary>
internal static class ProcurementWorld
{
    public const string Period = "DE01-2026-04";

    public static IEnumerable<(string Key, MasterDataHistory History)> MasterData()
    {
        foreach (var record in ExpenseWorld.MasterData())
            yield return record;
        yield return CostCenterOpened("CC-2010", "DE01");
        yield return CostCenterOpened("CC-2020", "DE01");
        yield return ProjectOpened("PRJ-EU", "DE01");
        yield return Employee("E-DE-MGR", null, 50_000m);
        yield return Employee("E-DE-2", "E-DE-MGR", null);
        yield return Employee("E-DE-LOW", null, 1_000m);
        yield return Employee("E-DE-3", "E-DE-LOW", null);
        yield return Of(MasterDataObjectType.GL_ACCOUNT, "650200", ("2020-01-01", new GlAccount
        {
            envelope = Envelope("sap-s4", "650200"), glAccountId = "650200", chartOfAccounts = "GROUP", legalEntityId = null, name = "Office equipment",
            accountType = GlAccountType.EXPENSE, status = GlAccountStatus.ACTIVE, effectiveFrom = Day("2020-01-01"),
        }));
        yield return Supplier("SUP-1", SupplierStatus.ACTIVE);
        yield return Supplier("SUP-BLK", SupplierStatus.BLOCKED);
        yield return Supplier("SUP-RISK", SupplierStatus.ACTIVE, SupplierRiskStatus.HIGH);
        yield return Supplier("SUP-NC", SupplierStatus.ACTIVE, compliance: SupplierComplianceStatus.NON_COMPLIANT);
        yield return Budget("CC-2010", 20_000m);
        yield return Budget("CC-2020", 5_000m);
        yield return Budget("PRJ-EU", 8_000m);
        yield return Rate("USD", "EUR", "2026-04-10", 0.9m);
        yield return Rate("EUR", "USD", "2026-04-10", 1.1m);
    }

    /// <summary>The md.history record of the budget of <paramref name="costCenterOrProject"/> in <see cref="Period"/>, <paramref name="amount"/> EUR from 2026-04-01.</summary>
    public static (string Key, MasterDataHistory History) Budget(string costCenterOrProject, decimal amount, string from = "2026-04-01") =>
        Of(MasterDataObjectType.BUDGET, $"{costCenterOrProject}/{Period}", (from, new Budget
        {
            envelope = Envelope("sap-s4", $"{costCenterOrProject}/{Period}"), budgetId = $"{costCenterOrProject}/{Period}",
            costCenterId = costCenterOrProject.StartsWith("CC-", StringComparison.Ordinal) ? costCenterOrProject : "CC-2010",
            projectId = costCenterOrProject.StartsWith("PRJ-", StringComparison.Ordinal) ? costCenterOrProject : null,
            periodId = Period, amount = amount.ToMoney("EUR"),
        }));

    public static (string Key, MasterDataHistory History) Supplier(
        string id, SupplierStatus status, SupplierRiskStatus risk = SupplierRiskStatus.LOW, SupplierComplianceStatus compliance = SupplierComplianceStatus.COMPLIANT) =>
        Of(MasterDataObjectType.SUPPLIER, id, ("2020-01-01", new Supplier
        {
            envelope = Envelope("sap-s4", id), supplierId = id, legalName = $"Supplier {id}", taxId = "DE123", country = "DE",
            bankAccountFingerprint = new string('a', 64), status = status, riskStatus = risk, complianceStatus = compliance,
            sourceReferences = [new SupplierSourceReference { sourceSystem = "coupa", sourceId = id == "SUP-1" ? "4401" : id + "-coupa" }],
            effectiveFrom = Day("2020-01-01"), contacts = null, riskRating = null,
        }));

    public static (string Key, MasterDataHistory History) Employee(string id, string? approver, decimal? limit, params string[] ediBuyerIds) =>
        Of(MasterDataObjectType.EMPLOYEE, id, ("2020-01-01", new Employee
        {
            envelope = Envelope("workday", id), employeeId = id, legalEntityId = "DE01", defaultCostCenterId = "CC-2010", approverEmployeeId = approver,
            status = EmployeeStatus.ACTIVE, effectiveFrom = Day("2020-01-01"), email = $"{id.ToLowerInvariant()}@example.com",
            approvalLimit = limit?.ToMoney("EUR"),
            sourceReferences = ediBuyerIds.Length == 0 ? null : [.. ediBuyerIds.Select(b => new EmployeeSourceReference { sourceSystem = EdiSource, sourceId = b })],
        }));

    /// <summary>The source system of the X12 850 profile.</summary>
    public const string EdiSource = "edi-x12";

    /// <summary>The item category <paramref name="code"/> of <paramref name="entity"/> mapped to <paramref name="gl"/> from <paramref name="from"/>.</summary>
    public static (string Key, MasterDataHistory History) ItemCategory(string code, string gl, string entity = "DE01", string from = "2020-01-01") =>
        Of(MasterDataObjectType.ITEM_CATEGORY, $"{entity}/{code}", (from, new ItemCategory
        {
            envelope = Envelope("sap-s4", $"{entity}/{code}"), itemCategoryId = $"{entity}/{code}", legalEntityId = entity, categoryCode = code,
            name = $"Category {code}", glAccountId = gl, effectiveFrom = Day(from),
        }));

    /// <summary>
    /// An order as the X12 850 profile maps it: no requester, the buyer <paramref name="buyer"/> (PER*BD), one line of
    /// <paramref name="amount"/> EUR with no GL account and the item category <paramref name="category"/>.
    /// </summary>
    public static PurchaseOrder EdiOrder(string poNumber, string buyer, string category, decimal amount = 1_000m)
    {
        var line = Line(1, amount, gl: null);
        line.itemCategory = category;
        var order = Order(poNumber, requester: null, lines: [line], source: EdiSource);
        order.buyerId = buyer;
        return order;
    }

    /// <summary>A line of <paramref name="amount"/> (goods: quantity 1 at that price), on the order's cost center unless <paramref name="costCenter"/> names another.</summary>
    public static PurchaseOrderLine Line(int number, decimal amount, string? costCenter = null, string currency = "EUR", string? gl = "650200") => new()
    {
        lineNumber = number, item = $"Item {number}", quantity = AvroDecimals.ToAvro(1m, AvroDecimals.QuantityScale), unitPrice = amount.ToMoney(currency),
        lineAmount = amount.ToMoney(currency), glAccountId = gl, lineType = PurchaseOrderLineType.GOODS, costCenterId = costCenter,
    };

    /// <summary>A DE01 purchase order dated 2026-04-10 on CC-2010 of requester E-DE-2 at SUP-1, one line of <paramref name="amount"/> EUR unless <paramref name="lines"/> are given.</summary>
    public static PurchaseOrder Order(
        string poNumber, decimal amount = 1_000m, int revision = 0, PurchaseOrderStatus status = PurchaseOrderStatus.APPROVED, string supplier = "SUP-1",
        string? requester = "E-DE-2", string costCenter = "CC-2010", string? project = null, string entity = "DE01", string currency = "EUR",
        IReadOnlyList<PurchaseOrderLine>? lines = null, string source = "coupa")
    {
        var orderLines = lines?.ToList() ?? [Line(1, amount, currency: currency)];
        var envelope = Envelope(source, $"{poNumber}/v{revision}");
        envelope.correlationId = poNumber;
        envelope.idempotencyKey = $"{source}:ingest.purchase-orders:{poNumber}/v{revision}/{status}";
        return new PurchaseOrder
        {
            envelope = envelope, poNumber = poNumber, legalEntityId = entity, supplierId = supplier, requesterId = requester, costCenterId = costCenter,
            projectId = project, lines = orderLines, total = orderLines.Sum(l => l.lineAmount.ToDecimal()).ToMoney(currency), status = status,
            approvedAt = Day("2026-04-10"), revision = revision, poDate = Day("2026-04-10"), requesterEmail = null,
        };
    }
}
