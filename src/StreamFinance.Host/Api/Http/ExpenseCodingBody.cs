using System.ComponentModel;
using System.Text.Json.Serialization;
using StreamFinance.Host.Api.Validation;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// JSON body of <c>POST /v1/validate/expense-coding</c>, as sent. Its contract is the API's: unknown members are refused, and the
/// <c>required</c> members must be present (<see cref="JsonBodyParser"/> names each one missing). Properties stay nullable
/// because a member sent as null is reported by <see cref="RequestFields"/> ("is required"), with every other problem.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class ExpenseCodingBody
{
    /// <summary>Legal entity id, required, e.g. <c>US01</c>.</summary>
    [Description("Legal entity whose books the expense is posted to, e.g. US01. " + RequestFields.IdRule)]
    public required string? LegalEntityId { get; set; }

    /// <summary>Cost center id, required.</summary>
    [Description("Cost center charged, e.g. CC-1042. " + RequestFields.IdRule)]
    public required string? CostCenterId { get; set; }

    /// <summary>Project id, optional.</summary>
    [Description("Project charged, if any (absent or null: none). " + RequestFields.IdRule)]
    public string? ProjectId { get; set; }

    /// <summary>Tax code id, optional.</summary>
    [Description("Tax code applied, if any (absent or null: none). " + RequestFields.IdRule)]
    public string? TaxCodeId { get; set; }

    /// <summary>Transaction date, required, <c>yyyy-MM-dd</c>.</summary>
    [StringFormat(StringFormatAttribute.Date)]
    [Description("Transaction date, yyyy-MM-dd: the master data, period and rate in force on it are used.")]
    public required string? Date { get; set; }

    /// <summary>Amount, required, zero or more, at most 4 decimal places; a JSON number or a numeric string.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    [Description(RequestFields.AmountRule)]
    public required decimal? Amount { get; set; }

    /// <summary>ISO 4217 currency of the amount, required.</summary>
    [Description("Currency of the amount. " + RequestFields.CurrencyRule)]
    public required string? Currency { get; set; }

    /// <summary>What a client must send, for 400 messages.</summary>
    public const string Expected = "legalEntityId, costCenterId, date (yyyy-MM-dd), amount and currency, and optionally projectId and taxCodeId";

    /// <summary>The checked request, or null with every problem in <paramref name="errors"/>.</summary>
    public ExpenseCodingRequest? ToRequest(FieldErrors errors)
    {
        var entity = RequestFields.Id(LegalEntityId, "legalEntityId", required: true, errors);
        var costCenter = RequestFields.Id(CostCenterId, "costCenterId", required: true, errors);
        var project = RequestFields.Id(ProjectId, "projectId", required: false, errors);
        var taxCode = RequestFields.Id(TaxCodeId, "taxCodeId", required: false, errors);
        var date = RequestFields.Date(Date, "date", fallback: null, errors);
        var amount = RequestFields.Amount(Amount, "amount", errors);
        var currency = RequestFields.Currency(Currency, "currency", errors);
        return errors.Any ? null : new ExpenseCodingRequest(entity!, costCenter!, project, taxCode, date!.Value, amount!.Value, currency!);
    }
}
