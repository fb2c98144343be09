using System.Globalization;
using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Validation;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.MasterData;

/// <summary>
/// Step 1 of the master-data topology: checks the raw facts of an update from <c>md.updates</c> with the domain's
/// <see cref="MasterDataInputValidator"/> and returns the update, or the <see cref="Failure"/> it is dead-lettered with.
/// Checks, in order, each with its reason code:
/// <list type="number">
/// <item>a value at all (a tombstone on <c>md.updates</c> is <c>SCHEMA_INVALID</c>: send a DELETE update);</item>
/// <item>the record key is <c>TYPE:businessKey</c> (<c>MISSING_KEY</c>), TYPE is known (<c>UNKNOWN_OBJECT_TYPE</c>) and
/// equals the update's object type (<c>UNKNOWN_OBJECT_TYPE</c>);</item>
/// <item>the update's business key is present (<c>MISSING_KEY</c>) and equals the record key's (<c>MISSING_KEY</c>), the
/// record key is spelled exactly as look-ups read it, <c>TYPE</c> in upper case (<c>MISSING_KEY</c>: <c>employee:E-1</c> would
/// be stored where no look-up finds it), and the business key has no blanks around it (<c>MISSING_KEY</c>);</item>
/// <item>the effective date is a whole day (<c>INVALID_EFFECTIVE_DATE</c>) within <see cref="EffectiveDateWindow"/>
/// (<c>INVALID_EFFECTIVE_DATE</c>);</item>
/// <item>an UPSERT carries a payload (<c>SCHEMA_INVALID</c>) of the object type's record (<c>SCHEMA_INVALID</c>) whose id
/// field is present and equals the business key (<c>MISSING_KEY</c>);</item>
/// <item>an exchange rate is greater than zero (<c>INVALID_FX_RATE</c>).</item>
/// </list>
/// A DELETE may carry a payload; it is kept for lineage and not checked.
/// </summary>
public sealed class MasterDataUpdateValidator(EffectiveDateWindow window, TimeProvider clock)
{
    /// <summary>The update, or why it is dead-lettered.</summary>
    public ProcessingOutcome<MasterDataUpdate> Validate(string? key, MasterDataUpdate? update)
    {
        if (update is null)
            return new Failure(ReasonCode.SchemaInvalid,
                $"md.updates record with key '{key}' has no value (a tombstone). Master data is deleted with an update whose operation is DELETE; send that instead.");

        var problem = KeyProblem(key, update) ?? DateProblem(update) ?? PayloadProblem(update);
        return problem is null ? update : problem with { CorrelationId = update.envelope?.correlationId, IdempotencyKey = update.envelope?.idempotencyKey };
    }

    private static Failure? KeyProblem(string? key, MasterDataUpdate update)
    {
        var type = update.objectType.ToString();
        if (!MasterDataKeys.TrySplit(key, out var keyType, out var keyBusinessKey))
            return new Failure(ReasonCode.MissingKey,
                $"md.updates record key '{key}' is not '<OBJECT_TYPE>:<business key>' (e.g. '{type}:{update.businessKey}'); the source connector must key updates that way.");
        if (MasterDataInputValidator.CheckObjectType(keyType) is { } unknown)
            return From(unknown, $" (record key '{key}')");
        if (!string.Equals(MasterDataObjectTypes.Canonical(keyType), type, StringComparison.Ordinal))
            return new Failure(ReasonCode.UnknownObjectType,
                $"md.updates record key '{key}' says object type {MasterDataObjectTypes.Canonical(keyType)} but the update says {type}; fix the source mapping so both name the same type.");
        if (MasterDataInputValidator.CheckKey(update.businessKey, type) is { } missing)
            return From(missing, $" (record key '{key}')");
        if (!string.Equals(update.businessKey, keyBusinessKey, StringComparison.Ordinal))
            return new Failure(ReasonCode.MissingKey,
                $"md.updates record key '{key}' carries business key '{keyBusinessKey}' but the update says '{update.businessKey}'; key the record with the update's business key.");
        // Look-ups read md.history by the canonical key only: anything else would be stored where nothing finds it.
        var canonical = MasterDataKeys.For(update.objectType, update.businessKey);
        if (!string.Equals(key, canonical, StringComparison.Ordinal))
            return new Failure(ReasonCode.MissingKey,
                $"md.updates record key '{key}' spells the object type '{keyType}'; look-ups find {type} objects only under '{canonical}', so this update would be stored where nothing reads it. Key the record '{canonical}' (the object type in upper case).");
        if (!string.Equals(update.businessKey, update.businessKey.Trim(), StringComparison.Ordinal))
            return new Failure(ReasonCode.MissingKey,
                $"md.updates record key '{key}': business key '{update.businessKey}' has blanks around it, so look-ups of '{update.businessKey.Trim()}' would never find it; trim it in the source mapping.");
        return null;
    }

    private Failure? DateProblem(MasterDataUpdate update)
    {
        var parsed = MasterDataInputValidator.ParseEffectiveDate(update.effectiveDate);
        if (parsed.Problem is { } unreadable)
            return From(unreadable, $" ({Describe(update)})");
        var date = parsed.Date!.Value;
        var latest = window.LatestFor(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (date < window.Earliest || date > latest)
            return new Failure(ReasonCode.InvalidEffectiveDate, string.Create(CultureInfo.InvariantCulture,
                $"Effective date {date:yyyy-MM-dd} of {Describe(update)} is not plausible: it must lie from {window.Earliest:yyyy-MM-dd} to {latest:yyyy-MM-dd} ({EffectiveDateWindow.Section}). Correct the date in the source system."));
        return null;
    }

    private static Failure? PayloadProblem(MasterDataUpdate update)
    {
        if (update.operation != MasterDataOperation.UPSERT)
            return null;
        var kind = MasterDataObjectKinds.Of(update.objectType);
        if (update.payload is null)
            return new Failure(ReasonCode.SchemaInvalid,
                $"UPSERT of {Describe(update)} has no payload; an UPSERT must carry the new {kind.PayloadType.Name} (use DELETE to remove the object).");
        if (update.payload.GetType() != kind.PayloadType)
            return new Failure(ReasonCode.SchemaInvalid,
                $"UPSERT of {Describe(update)} carries a {update.payload.GetType().Name}, not a {kind.PayloadType.Name}; fix the source mapping.");
        var payloadId = kind.IdOf(update.payload);
        if (MasterDataInputValidator.CheckKey(payloadId, update.objectType.ToString()) is { } missing)
            return From(missing, $" (payload field {kind.IdField} of {Describe(update)})");
        if (!string.Equals(payloadId, update.businessKey, StringComparison.Ordinal))
            return new Failure(ReasonCode.MissingKey,
                $"Payload field {kind.IdField} is '{payloadId}' but {Describe(update)} is for business key '{update.businessKey}'; both must name the same object.");
        if (update.payload is ExchangeRate rate
            && MasterDataInputValidator.CheckRate(AvroDecimals.ToDecimal(rate.rate), rate.fromCurrency, rate.toCurrency, DateOnly.FromDateTime(rate.rateDate)) is { } invalid)
            return From(invalid, $" ({Describe(update)} from '{update.envelope?.sourceSystem}')");
        return null;
    }

    private static Failure From(MasterDataInputProblem problem, string context) =>
        new(ReasonCode.Parse(problem.ReasonCode), problem.Message.TrimEnd() + context);

    private static string Describe(MasterDataUpdate update) => $"{update.objectType} '{update.businessKey}'";
}
