using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Topologies.MasterData;

/// <summary>The <see cref="MasterDataObjectKind"/> of every object type, in the order of the Avro enum.</summary>
public static class MasterDataObjectKinds
{
    /// <summary>Every kind.</summary>
    public static IReadOnlyList<MasterDataObjectKind> All { get; } =
    [
        Kind<CostCenter>(MasterDataObjectType.COST_CENTER, c => c.costCenterId, nameof(CostCenter.costCenterId), Topics.CostCenters),
        Kind<Supplier>(MasterDataObjectType.SUPPLIER, s => s.supplierId, nameof(Supplier.supplierId), Topics.Suppliers),
        Kind<Project>(MasterDataObjectType.PROJECT, p => p.projectId, nameof(Project.projectId), Topics.Projects),
        Kind<GlAccount>(MasterDataObjectType.GL_ACCOUNT, g => g.glAccountId, nameof(GlAccount.glAccountId), Topics.GlAccounts),
        Kind<TaxCode>(MasterDataObjectType.TAX_CODE, t => t.taxCodeId, nameof(TaxCode.taxCodeId), Topics.TaxCodes),
        Kind<LegalEntity>(MasterDataObjectType.LEGAL_ENTITY, e => e.legalEntityId, nameof(LegalEntity.legalEntityId), Topics.LegalEntities),
        Kind<Employee>(MasterDataObjectType.EMPLOYEE, e => e.employeeId, nameof(Employee.employeeId), Topics.Employees),
        Kind<ExchangeRate>(MasterDataObjectType.EXCHANGE_RATE, r => r.exchangeRateId, nameof(ExchangeRate.exchangeRateId), Topics.FxRates),
        Kind<AccountingPeriod>(MasterDataObjectType.ACCOUNTING_PERIOD, p => p.periodId, nameof(AccountingPeriod.periodId), Topics.AccountingPeriods),
        Kind<Budget>(MasterDataObjectType.BUDGET, b => b.budgetId, nameof(Budget.budgetId), Topics.Budgets),
    ];

    /// <summary>The kind of <paramref name="type"/>.</summary>
    public static MasterDataObjectKind Of(MasterDataObjectType type) =>
        All.FirstOrDefault(k => k.Type == type)
        ?? throw new InvalidOperationException($"Object type {type} has no entry in {nameof(MasterDataObjectKinds)}; add one when the Avro enum grows.");

    private static MasterDataObjectKind Kind<T>(MasterDataObjectType type, Func<T, string?> idOf, string idField, TopicSpec topic) where T : class =>
        new(type, typeof(T), payload => payload is T typed ? idOf(typed) : null, idField, topic);
}
