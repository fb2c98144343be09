using Microsoft.AspNetCore.Http;
using StreamFinance.Host.Api.Audit;
using StreamFinance.Host.Api.Procurement;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Rules.Expenses;
using StreamFinance.Rules.Lookups;
using StreamFinance.Rules.Requisitions;

namespace StreamFinance.Host.Api.Http;

/// <summary>What the endpoints share: the master data, the rules, the settings and the clock that says what "today" is.</summary>
public sealed class ValidationApiContext
{
    /// <summary>Creates the context; <paramref name="time"/> defaults to the system clock.</summary>
    /// <param name="options">The API's settings.</param>
    /// <param name="lookup">Where master data is read.</param>
    /// <param name="fxFallback">How FX look-ups fall back to earlier days (<c>MasterData:FxFallback</c>).</param>
    /// <param name="time">The clock that says what "today" is; default the system clock.</param>
    /// <param name="expenses">
    /// The expense policy (<c>Expenses</c>: limits, thresholds, default tax codes, closed periods, rounding); default
    /// <see cref="ExpenseOptions.Default"/>. The host passes the validated section the expense topology applies, so a
    /// preview is judged by the policy its posting will be.
    /// </param>
    /// <param name="audit">Where <c>GET /v1/audit/{id}</c> reads; default none (<see cref="UnavailableAuditTrail"/>: 503).</param>
    /// <param name="procurement">
    /// The procurement topology's stores: the budget and purchase-order queries read them (503 without), and requisitions
    /// deduct their open commitments and actuals (without, they are measured against the budgeted amount alone).
    /// </param>
    public ValidationApiContext(
        ValidationApiOptions options, IMasterDataLookup lookup, FxFallbackPolicy fxFallback, TimeProvider? time = null, ExpenseOptions? expenses = null, IAuditTrail? audit = null,
        IProcurementBook? procurement = null)
    {
        Procurement = procurement;
        Audit = audit ?? UnavailableAuditTrail.Instance;
        Options = options;
        Lookup = lookup;
        FxFallback = fxFallback;
        Time = time ?? TimeProvider.System;
        Reader = new MasterDataReader(lookup);
        ExpenseRules = new ExpenseRules(new ExpensePolicy(expenses ?? ExpenseOptions.Default()), fxFallback);
        RequisitionRules = new RequisitionRules(fxFallback);
    }

    /// <summary>The API's settings.</summary>
    public ValidationApiOptions Options { get; }

    /// <summary>Where the audit trail is read.</summary>
    public IAuditTrail Audit { get; }

    /// <summary>Where master data is read.</summary>
    public IMasterDataLookup Lookup { get; }

    /// <summary>The procurement topology's stores; null when this process does not run it.</summary>
    public IProcurementBook? Procurement { get; }

    /// <summary>Point-in-time reads over <see cref="Lookup"/>.</summary>
    public MasterDataReader Reader { get; }

    /// <summary>How FX look-ups fall back to earlier days.</summary>
    public FxFallbackPolicy FxFallback { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The expense rules, the expense topology's own.</summary>
    public ExpenseRules ExpenseRules { get; }

    /// <summary>The requisition rules.</summary>
    public RequisitionRules RequisitionRules { get; }

    /// <summary>Today in UTC, the default <c>date</c>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);

    /// <summary>The <c>?date=</c> of a look-up (default today); null with a problem in <paramref name="errors"/> when malformed.</summary>
    public DateOnly? QueryDate(HttpRequest request, FieldErrors errors)
    {
        var values = request.Query["date"];
        if (values.Count > 1)
        {
            errors.Add("date", "is given more than once");
            return null;
        }
        return RequestFields.Date(values.Count == 0 ? null : values[0] ?? "", "date", Today, errors);
    }
}
