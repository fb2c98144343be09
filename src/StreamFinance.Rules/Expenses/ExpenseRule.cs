using StreamFinance.Domain.Expenses;

namespace StreamFinance.Rules.Expenses;

/// <summary>The expense-policy rules of <see cref="ExpensePolicy"/> a line can break.</summary>
public enum ExpenseRule
{
    /// <summary>The category has no GL account in <see cref="ExpenseOptions.CategoryGlAccounts"/> and the line names none.</summary>
    UnmappedCategory,

    /// <summary>The amount in the functional currency is above the category's limit.</summary>
    PolicyLimitExceeded,

    /// <summary>The amount in the functional currency is above the receipt threshold and no receipt is attached.</summary>
    MissingReceipt,
}
