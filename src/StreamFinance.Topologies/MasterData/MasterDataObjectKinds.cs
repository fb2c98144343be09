using StreamFinance.Contracts.MasterData;

namespace StreamFinance.Topologies.MasterData;

/// <summary>The <see cref="MasterDataObjectKind"/> of every object type, in the order of the Avro enum.</summary>
public static class MasterDataObjectKinds
{
    /// <summary>Every kind.</summary>
    public static IReadOnlyList<MasterDataObjectKind> All { get; } =
    [
        Kind<CostCenter>(MasterDataObjectType.COST_CENTER, c => c.costCenterId, nameof(CostCenter.costCenterId)),
        Kind<Supplier>(MasterDataObjectType.SUPPLIER, s => s.supplierId, nameof(Supplier.supplierId)),
        Kind<Project>(MasterDataObjectType.PROJECT, p => p.projectId, nameof(Project.projectId)),
        Kind<GlAccount>(MasterDataObjectType.GL_ACCOUNT, g => g.glAccountId, nameof(GlAccount.glAccountId)),
        Kind<TaxCode>(MasterDataObjectType.TAX_CODE, t => t.taxCodeId, nameof(TaxCode.taxCodeId)),
        Kind<LegalEntity>(MasterDataObjectType.LEGAL_ENTITY, e => e.legalEntityId, nameof(LegalEntity.legalEntityId)),
        Kind<Employee>(MasterDataObjectType.EMPLOYEE, e => e.employeeId, nameof(Employee.employeeId)),
        Kind<ExchangeRate>(MasterDataObjectType.EXCHANGE_RATE, r => r.exchangeRateId, nameof(ExchangeRate.exchangeRateId)),
        Kind<AccountingPeriod>(MasterDataObjectType.ACCOUNTING_PERIOD, p => p.periodId, nameof(AccountingPeriod.periodId)),
        Kind<Budget>(MasterDataObjectType.BUDGET, b => b.budgetId, nameof(Budget.budgetId)),
        Kind<ExpenseCategory>(MasterDataObjectType.EXPENSE_CATEGORY, c => c.categoryId, nameof(ExpenseCategory.categoryId)),
        Kind<ItemCategory>(MasterDataObjectType.ITEM_CATEGORY, c => c.itemCategoryId, nameof(ItemCategory.itemCategoryId)),
    ];

    /// <summary>The kind of <paramref name="type"/>.</summary>
    public static MasterDataObjectKind Of(MasterDataObjectType type) =>
        All.FirstOrDefault(k => k.Type == type)
        ?? throw new InvalidOperationException($"Object type {type} has no entry in {nameof(MasterDataObjectKinds)}; add one when the Avro enum grows.");

    private static MasterDataObjectKind Kind<T>(MasterDataObjectType type, Func<T, string?> idOf, string idField) where T : class =>
        new(type, typeof(T), payload => payload is T typed ? idOf(typed) : null, idField);
}
