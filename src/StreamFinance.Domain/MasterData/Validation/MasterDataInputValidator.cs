using System.Globalization;

namespace StreamFinance.Domain.MasterData.Validation;

/// <summary>
/// Checks of the raw facts of a master-data update, each returning null when the fact is fine or the
/// <see cref="MasterDataInputProblem"/> to dead-letter the update with. Nothing here throws on bad input:
/// bad input is an outcome, never a crash of the stream thread.
/// </summary>
public static class MasterDataInputValidator
{
    /// <summary>Formats accepted by <see cref="ParseEffectiveDate(string?)"/>: ISO 8601 <c>yyyy-MM-dd</c> and basic <c>yyyyMMdd</c>.</summary>
    public static IReadOnlyList<string> EffectiveDateFormats { get; } = ["yyyy-MM-dd", "yyyyMMdd"];

    /// <summary>Problem when <paramref name="objectType"/> is not a known object type (see <see cref="MasterDataObjectTypes"/>).</summary>
    public static MasterDataInputProblem? CheckObjectType(string? objectType) =>
        MasterDataObjectTypes.IsKnown(objectType)
            ? null
            : new MasterDataInputProblem(
                MasterDataProblemCode.UnknownObjectType,
                $"Object type '{objectType}' is not known; expected one of {string.Join(", ", MasterDataObjectTypes.All)}. Fix the mapping of the source system that sent it.");

    /// <summary>Problem when the business key of an update of <paramref name="objectType"/> is null or blank.</summary>
    public static MasterDataInputProblem? CheckKey(string? businessKey, string? objectType) =>
        string.IsNullOrWhiteSpace(businessKey)
            ? new MasterDataInputProblem(
                MasterDataProblemCode.MissingKey,
                $"Update of object type '{objectType}' has no business key; the source system must send the object's key (e.g. the cost center id).")
            : null;

    /// <summary>
    /// Reads an effective date written as text in one of <see cref="EffectiveDateFormats"/> (invariant culture,
    /// surrounding blanks ignored). Returns the date, or the problem naming the text that could not be read.
    /// </summary>
    public static EffectiveDateParse ParseEffectiveDate(string? text)
    {
        if (text is not null
            && DateOnly.TryParseExact(text.Trim(), EffectiveDateFormats.ToArray(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return new EffectiveDateParse(date, null);
        return new EffectiveDateParse(null, new MasterDataInputProblem(
            MasterDataProblemCode.UnparseableEffectiveDate,
            $"Effective date '{text}' is not a date; send it as yyyy-MM-dd (e.g. 2025-03-31)."));
    }

    /// <summary>
    /// Reads an effective date that arrived as a timestamp (e.g. the Avro <c>date</c> logical type surfaced as
    /// <see cref="DateTime"/>). A time of day other than midnight means the source mapped a timestamp where a day
    /// was meant, so it is refused rather than truncated.
    /// </summary>
    public static EffectiveDateParse ParseEffectiveDate(DateTime value) =>
        value.TimeOfDay == TimeSpan.Zero
            ? new EffectiveDateParse(DateOnly.FromDateTime(value), null)
            : new EffectiveDateParse(null, new MasterDataInputProblem(
                MasterDataProblemCode.UnparseableEffectiveDate,
                $"Effective date '{value:yyyy-MM-ddTHH:mm:ss.fff}' has a time of day; effective dates are whole days. Send the date without time."));

    /// <summary>Problem when an exchange rate from <paramref name="fromCurrency"/> to <paramref name="toCurrency"/> on <paramref name="rateDate"/> is zero or negative.</summary>
    public static MasterDataInputProblem? CheckRate(decimal rate, string fromCurrency, string toCurrency, DateOnly rateDate) =>
        rate > 0m
            ? null
            : new MasterDataInputProblem(
                MasterDataProblemCode.NonPositiveRate,
                $"Exchange rate {fromCurrency}->{toCurrency} on {rateDate:yyyy-MM-dd} is {rate.ToString(CultureInfo.InvariantCulture)}; a rate must be greater than zero. Correct it in the rate source.");
}
