using StreamFinance.Contracts;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Rules.Procurement;

/// <summary>
/// Whether a purchase order is well formed enough to be judged at all. A malformed order is dead-lettered (it cannot
/// be held: nothing in master data would ever make it right); every problem is named with its field.
/// </summary>
public static class PurchaseOrderShape
{
    /// <summary>Every structural problem of <paramref name="order"/>; empty when it may be judged.</summary>
    public static IReadOnlyList<string> Problems(PurchaseOrder order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(order.poNumber))
            problems.Add("poNumber is empty");
        if (string.IsNullOrWhiteSpace(order.legalEntityId))
            problems.Add("legalEntityId is empty, so no budget owner can decide the order");
        if (string.IsNullOrWhiteSpace(order.costCenterId))
            problems.Add("costCenterId is empty");
        if (order.revision < 0)
            problems.Add($"revision is {order.revision}; revisions start at 0");
        if (order.lines is null || order.lines.Count == 0)
        {
            problems.Add("the order has no lines");
            return problems;
        }
        var currency = order.total.currency;
        var sum = 0m;
        var numbers = new HashSet<int>();
        foreach (var line in order.lines)
        {
            var at = $"lines[{line.lineNumber}]";
            if (!numbers.Add(line.lineNumber))
                problems.Add($"{at}: line number {line.lineNumber} appears twice");
            var amount = AvroDecimals.ToDecimal(line.lineAmount.amount);
            sum += amount;
            if (line.lineAmount.currency != currency)
                problems.Add($"{at}.lineAmount is in {line.lineAmount.currency}, the order total in {currency}");
            if (amount < 0m)
                problems.Add($"{at}.lineAmount is negative ({amount})");
            if (line.lineType == PurchaseOrderLineType.GOODS && (line.quantity is null || line.unitPrice is null))
                problems.Add($"{at} is a GOODS line without {(line.quantity is null ? "quantity" : "unitPrice")}");
            if (line.lineType == PurchaseOrderLineType.SERVICE && line.quantity is not null)
                problems.Add($"{at} is a SERVICE line with a quantity; a service line has an amount only");
            if (line.unitPrice is { } price && price.currency != currency)
                problems.Add($"{at}.unitPrice is in {price.currency}, the order total in {currency}");
        }
        var total = AvroDecimals.ToDecimal(order.total.amount);
        if (sum != total)
            problems.Add($"total {total} {currency} is not the sum of the line amounts ({sum} {currency})");
        return problems;
    }
}
