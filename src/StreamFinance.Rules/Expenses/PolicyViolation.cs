using StreamFinance.Domain.Expenses;

namespace StreamFinance.Rules.Expenses;

/// <summary>One expense-policy rule an expense line breaks.</summary>
/// <param name="Rule">The rule.</param>
/// <param name="Field">The expense-line field it is about, in its Avro spelling (<c>amount</c>, <c>category</c>, <c>receiptAttached</c>).</param>
/// <param name="Message">What is wrong, naming the value, e.g. "amount 212.40 USD of category MEALS is above its limit of 150.00 USD".</param>
public sealed record PolicyViolation(ExpenseRule Rule, string Field, string Message);
