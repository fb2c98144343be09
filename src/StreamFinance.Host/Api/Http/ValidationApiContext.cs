using Microsoft.AspNetCore.Http;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Host.Api.Validation;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>What the endpoints share: the master data, the rules, the settings and the clock that says what "today" is.</summary>
public sealed class ValidationApiContext
{
    /// <summary>Creates the context; <paramref name="time"/> defaults to the system clock.</summary>
    public ValidationApiContext(ValidationApiOptions options, IMasterDataLookup lookup, FxFallbackPolicy fxFallback, TimeProvider? time = null)
    {
        Options = options;
        Lookup = lookup;
        FxFallback = fxFallback;
        Time = time ?? TimeProvider.System;
        Reader = new MasterDataReader(lookup);
        ExpenseCoding = new ExpenseCodingEvaluator(lookup, fxFallback);
        Requisition = new RequisitionEvaluator(lookup, fxFallback);
    }

    /// <summary>The API's settings.</summary>
    public ValidationApiOptions Options { get; }

    /// <summary>Where master data is read.</summary>
    public IMasterDataLookup Lookup { get; }

    /// <summary>Point-in-time reads over <see cref="Lookup"/>.</summary>
    public MasterDataReader Reader { get; }

    /// <summary>How FX look-ups fall back to earlier days.</summary>
    public FxFallbackPolicy FxFallback { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The expense-coding rules.</summary>
    public ExpenseCodingEvaluator ExpenseCoding { get; }

    /// <summary>The requisition rules.</summary>
    public RequisitionEvaluator Requisition { get; }

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
