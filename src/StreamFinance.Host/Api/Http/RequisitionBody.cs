using System.ComponentModel;
using System.Text.Json.Serialization;
using StreamFinance.Rules.Requisitions;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// JSON body of <c>POST /v1/validate/requisition</c>, as sent. Its contract is the API's: unknown members are refused, and the
/// <c>required</c> members must be present (<see cref="JsonBodyParser"/> names each one missing). Properties stay nullable
/// because a member sent as null is reported by <see cref="RequestFields"/> ("is required"), with every other problem.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed class RequisitionBody
{
    /// <summary>Cost center id, required.</summary>
    [Description("Cost center that orders, e.g. CC-1000. " + RequestFields.IdRule)]
    public required string? CostCenterId { get; set; }

    /// <summary>Supplier id, required.</summary>
    [Description("Supplier ordered from, e.g. SUP-1. " + RequestFields.IdRule)]
    public required string? SupplierId { get; set; }

    /// <summary>Ordering legal entity, optional (default: the cost center's).</summary>
    [Description("Ordering legal entity (absent or null: the cost center's). " + RequestFields.IdRule)]
    public string? LegalEntityId { get; set; }

    /// <summary>Requisition date, optional (default: today, UTC), <c>yyyy-MM-dd</c>.</summary>
    [StringFormat(StringFormatAttribute.Date)]
    [Description("Requisition date, yyyy-MM-dd (absent or null: today, UTC): the master data, period and budget in force on it are used.")]
    public string? Date { get; set; }

    /// <summary>Amount, required, zero or more, at most 4 decimal places; a JSON number or a numeric string.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    [Description(RequestFields.AmountRule)]
    public required decimal? Amount { get; set; }

    /// <summary>ISO 4217 currency of the amount, required.</summary>
    [Description("Currency of the amount. " + RequestFields.CurrencyRule)]
    public required string? Currency { get; set; }

    /// <summary>What a client must send, for 400 messages.</summary>
    public const string Expected = "costCenterId, supplierId, amount and currency, and optionally legalEntityId and date (yyyy-MM-dd, default today)";

    /// <summary>The checked request, or null with every problem in <paramref name="errors"/>; a missing date is <paramref name="today"/>.</summary>
    public RequisitionInput? ToInput(DateOnly today, FieldErrors errors)
    {
        var costCenter = RequestFields.Id(CostCenterId, "costCenterId", required: true, errors);
        var supplier = RequestFields.Id(SupplierId, "supplierId", required: true, errors);
        var entity = RequestFields.Id(LegalEntityId, "legalEntityId", required: false, errors);
        var date = RequestFields.Date(Date, "date", fallback: today, errors);
        var amount = RequestFields.Amount(Amount, "amount", errors);
        var currency = RequestFields.Currency(Currency, "currency", errors);
        return errors.Any ? null : new RequisitionInput(costCenter!, supplier!, date!.Value, amount!.Value, currency!, entity);
    }
}
