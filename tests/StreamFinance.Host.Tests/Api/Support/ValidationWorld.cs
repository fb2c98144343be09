using StreamFinance.Contracts.MasterData;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using static StreamFinance.Host.Tests.Api.Support.MasterDataRecords;

namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>
/// The master data the API tests run against, as md.history values. Dates are in March 2026: 2026-03-27 is a Friday,
/// 2026-03-30 a Monday, 2026-03-31 a Tuesday.
/// </summary>
internal static class ValidationWorld
{
    public static IReadOnlyList<MasterDataHistory> Histories { get; } =
    [
        History(MasterDataObjectType.LEGAL_ENTITY, "US01", ("2020-01-01", LegalEntity("US01", "US", "USD"))),
        History(MasterDataObjectType.LEGAL_ENTITY, "DE01", ("2020-01-01", LegalEntity("DE01", "DE", "EUR"))),

        History(MasterDataObjectType.COST_CENTER, "CC-1000", ("2026-01-01", CostCenter("CC-1000", "US01", CostCenterStatus.ACTIVE, "2026-01-01"))),
        History(MasterDataObjectType.COST_CENTER, "CC-1010", ("2026-01-01", CostCenter("CC-1010", "US01", CostCenterStatus.ACTIVE, "2026-01-01"))),
        // Active until it was deactivated on 2026-03-31; a later owner change keeps it inactive.
        History(MasterDataObjectType.COST_CENTER, "CC-1042",
            ("2026-01-01", CostCenter("CC-1042", "US01", CostCenterStatus.ACTIVE, "2026-01-01")),
            ("2026-03-31", CostCenter("CC-1042", "US01", CostCenterStatus.INACTIVE, "2026-03-31")),
            ("2026-04-10", CostCenter("CC-1042", "US01", CostCenterStatus.INACTIVE, "2026-04-10"))),
        // Status ACTIVE but only valid until the end of February.
        History(MasterDataObjectType.COST_CENTER, "CC-1050", ("2026-01-01", CostCenter("CC-1050", "US01", CostCenterStatus.ACTIVE, "2026-01-01", validTo: "2026-02-28"))),
        History(MasterDataObjectType.COST_CENTER, "CC-1060", ("2026-01-01", CostCenter("CC-1060", "US01", CostCenterStatus.BLOCKED, "2026-01-01"))),
        // Created with effect from April.
        History(MasterDataObjectType.COST_CENTER, "CC-NEW", ("2026-04-01", CostCenter("CC-NEW", "US01", CostCenterStatus.ACTIVE, "2026-04-01"))),
        // Deleted with effect from 2026-03-15.
        History(MasterDataObjectType.COST_CENTER, "CC-GONE", ("2026-01-01", CostCenter("CC-GONE", "US01", CostCenterStatus.ACTIVE, "2026-01-01")), ("2026-03-15", null)),
        History(MasterDataObjectType.COST_CENTER, "CC-2000", ("2026-01-01", CostCenter("CC-2000", "DE01", CostCenterStatus.ACTIVE, "2026-01-01"))),

        History(MasterDataObjectType.PROJECT, "PRJ-ERP", ("2026-01-01", Project("PRJ-ERP", "US01", ProjectStatus.OPEN, "2026-01-01"))),
        History(MasterDataObjectType.PROJECT, "PRJ-LEGACY",
            ("2025-01-01", Project("PRJ-LEGACY", "US01", ProjectStatus.OPEN, "2025-01-01")),
            ("2026-02-01", Project("PRJ-LEGACY", "US01", ProjectStatus.CLOSED, "2026-02-01"))),

        // The default tax code of US01 in the expense policy (Expenses:DefaultTaxCodes), applied to a line that names none.
        History(MasterDataObjectType.TAX_CODE, "US-EXEMPT", ("2020-01-01", TaxCode("US-EXEMPT", "US", 0m))),
        History(MasterDataObjectType.TAX_CODE, "US-CA-SALES", ("2020-01-01", TaxCode("US-CA-SALES", "US-CA", 0.0725m))),
        History(MasterDataObjectType.TAX_CODE, "DE-VAT19", ("2020-01-01", TaxCode("DE-VAT19", "DE", 0.19m))),
        History(MasterDataObjectType.TAX_CODE, "DE-VAT16", ("2020-07-01", TaxCode("DE-VAT16", "DE", 0.16m, "2020-07-01", "2020-12-31"))),

        History(MasterDataObjectType.SUPPLIER, "SUP-1", ("2026-01-01", Supplier("SUP-1", SupplierStatus.ACTIVE, "2026-01-01"))),
        History(MasterDataObjectType.SUPPLIER, "SUP-2",
            ("2026-01-01", Supplier("SUP-2", SupplierStatus.ACTIVE, "2026-01-01")),
            ("2026-03-10", Supplier("SUP-2", SupplierStatus.BLOCKED, "2026-03-10"))),
        History(MasterDataObjectType.SUPPLIER, "SUP-3", ("2026-01-01", Supplier("SUP-3", SupplierStatus.INACTIVE, "2026-01-01"))),

        // EUR->USD on Friday 2026-03-27 and Monday 2026-03-30, none at the weekend; Monday's rate corrected with effect from Tuesday.
        History(MasterDataObjectType.EXCHANGE_RATE, "EUR/USD/2026-03-27", ("2026-03-27", Rate("EUR", "USD", "2026-03-27", 1.08m))),
        History(MasterDataObjectType.EXCHANGE_RATE, "EUR/USD/2026-03-30",
            ("2026-03-30", Rate("EUR", "USD", "2026-03-30", 1.085m)),
            ("2026-03-31", Rate("EUR", "USD", "2026-03-30", 1.09m))),
        History(MasterDataObjectType.EXCHANGE_RATE, "USD/EUR/2026-03-30", ("2026-03-30", Rate("USD", "EUR", "2026-03-30", 0.91743119m))),
        History(MasterDataObjectType.EXCHANGE_RATE, "EUR/USD/2026-03-16", ("2026-03-16", Rate("EUR", "USD", "2026-03-16", 1.1m))),

        History(MasterDataObjectType.ACCOUNTING_PERIOD, "US01-2026-01", ("2026-01-01", Period("US01-2026-01", "US01", "2026-01-01", "2026-01-31", AccountingPeriodStatus.CLOSED))),
        History(MasterDataObjectType.ACCOUNTING_PERIOD, "US01-2026-02", ("2026-02-01", Period("US01-2026-02", "US01", "2026-02-01", "2026-02-28", AccountingPeriodStatus.CLOSED))),
        History(MasterDataObjectType.ACCOUNTING_PERIOD, "US01-2026-03", ("2026-03-01", Period("US01-2026-03", "US01", "2026-03-01", "2026-03-31", AccountingPeriodStatus.OPEN))),
        // Opened ahead of its month, so April expenses have a period to post into.
        History(MasterDataObjectType.ACCOUNTING_PERIOD, "US01-2026-04", ("2026-03-01", Period("US01-2026-04", "US01", "2026-04-01", "2026-04-30", AccountingPeriodStatus.OPEN))),
        // DE01 keeps a fiscal calendar that is not the calendar month: period 7 of fiscal 2026 runs 2026-03-16 to 2026-04-15.
        History(MasterDataObjectType.ACCOUNTING_PERIOD, "DE01-2026-07", ("2026-03-16", Period("DE01-2026-07", "DE01", "2026-03-16", "2026-04-15", AccountingPeriodStatus.OPEN))),

        History(MasterDataObjectType.BUDGET, "CC-1000/US01-2026-03", ("2026-03-01", Budget("CC-1000", "US01-2026-03", 10_000m, "USD"))),
        History(MasterDataObjectType.BUDGET, "CC-2000/DE01-2026-07", ("2026-03-16", Budget("CC-2000", "DE01-2026-07", 5_000m, "EUR"))),
    ];

    /// <summary>The world in an in-memory lookup.</summary>
    public static InMemoryMasterDataLookup Lookup()
    {
        var lookup = new InMemoryMasterDataLookup();
        foreach (var history in Histories)
            lookup.Put(history);
        return lookup;
    }
}
