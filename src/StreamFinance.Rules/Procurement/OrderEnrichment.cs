using System.Globalization;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Rules.Procurement;

/// <summary>
/// The values a purchase order may leave to master data, as an X12 850 does (it carries neither a requester employee id
/// nor a GL account): the requester from the buyer's employee cross-reference, a line's GL account from its item
/// category, each as in force on the order date. Part of <see cref="PurchaseOrderRules"/>, so the pipeline and a
/// re-evaluated hold get the same answer.
/// </summary>
public static class OrderEnrichment
{
    /// <summary>
    /// The order's <c>requesterId</c>, else the employee whose <c>sourceReferences</c> list its <c>buyerId</c> for its
    /// <c>envelope.sourceSystem</c> (recorded in <paramref name="enrichments"/>); null with MISSING_REQUESTER, naming
    /// the buyer looked up, when neither gives one.
    /// </summary>
    public static string? Requester(PurchaseOrder order, MasterDataReader reader, DateOnly date, List<Violation> violations, List<Enrichment> enrichments)
    {
        if (!string.IsNullOrWhiteSpace(order.requesterId))
            return order.requesterId;
        var source = order.envelope.sourceSystem;
        if (string.IsNullOrWhiteSpace(order.buyerId))
        {
            violations.Add(new Violation(ReasonCode.MissingRequester, "requesterId", null,
                $"purchase order {order.poNumber} names no requester and no buyer{Email(order)}, so its approval cannot be checked"));
            return null;
        }
        if (reader.EmployeeByReference(source, order.buyerId, date) is { } employee)
        {
            var id = employee.Value!.employeeId;
            enrichments.Add(new Enrichment("requesterId", id, $"{source} buyer '{order.buyerId}', a cross-reference of employee {id} in force on {Day(date)}"));
            return id;
        }
        violations.Add(new Violation(ReasonCode.MissingRequester, "buyerId", order.buyerId,
            $"purchase order {order.poNumber} names no requester, and no employee in force on {Day(date)} lists {source} buyer '{order.buyerId}' among its source references{Email(order)}, so its approval cannot be checked"));
        return null;
    }

    /// <summary>
    /// The line's <c>glAccountId</c>, else the GL account of the ordering entity's item category for the line's
    /// <c>itemCategory</c> (recorded in <paramref name="enrichments"/>); null with MISSING_GL_ACCOUNT, naming the
    /// category looked up, when neither gives one. A placeholder is never returned.
    /// </summary>
    public static string? GlAccount(PurchaseOrder order, PurchaseOrderLine line, MasterDataReader reader, DateOnly date, List<Violation> violations, List<Enrichment> enrichments)
    {
        if (!string.IsNullOrWhiteSpace(line.glAccountId))
            return line.glAccountId;
        var field = $"lines[{line.lineNumber}].glAccountId";
        if (string.IsNullOrWhiteSpace(line.itemCategory))
        {
            violations.Add(new Violation(ReasonCode.MissingGlAccount, field, null,
                $"line {line.lineNumber} of PO {order.poNumber} names no GL account and no item category; a placeholder is never committed"));
            return null;
        }
        var key = LookupKeys.ItemCategory(order.legalEntityId, line.itemCategory);
        var category = reader.AsOf<ItemCategory>(MasterDataObjectTypes.ItemCategory, key, date);
        if (category.IsFound)
        {
            var gl = category.Value!.glAccountId;
            enrichments.Add(new Enrichment(field, gl, $"{order.envelope.sourceSystem} item category '{line.itemCategory}', item category {key} in force on {Day(date)}"));
            return gl;
        }
        violations.Add(new Violation(ReasonCode.MissingGlAccount, $"lines[{line.lineNumber}].itemCategory", line.itemCategory,
            $"line {line.lineNumber} of PO {order.poNumber} names no GL account, and its {order.envelope.sourceSystem} item category '{line.itemCategory}' maps to none for legal entity {order.legalEntityId}: {category.Absence}; a placeholder is never committed")
        {
            Awaits = CommonChecks.AwaitedObject(category, MasterDataObjectTypes.ItemCategory, key),
        });
        return null;
    }

    private static string Email(PurchaseOrder order) => order.requesterEmail is { } email ? $" (e-mail {email} is not resolved to an employee)" : "";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
