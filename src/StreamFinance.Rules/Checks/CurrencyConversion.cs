
namespace StreamFinance.Rules.Checks;

/// <summary>An amount converted at the rate in force on the document date.</summary>
/// <param name="Amount">The amount as given.</param>
/// <param name="Currency">Its currency.</param>
/// <param name="ConvertedAmount">Amount times <paramref name="Rate"/>, rounded to the minor unit of <paramref name="ConvertedCurrency"/> with the caller's rounding (for expenses <c>Expenses:Rounding</c>).</param>
/// <param name="ConvertedCurrency">The target currency (functional or budget currency).</param>
/// <param name="Rate">Units of <paramref name="ConvertedCurrency"/> per unit of <paramref name="Currency"/>; 1 for the same currency.</param>
/// <param name="RateDate">Date of the rate used.</param>
/// <param name="FellBackDays">Calendar days between the document date and <paramref name="RateDate"/>.</param>
/// <param name="Inverse">Whether the rate is the inverse of the opposite pair's rate.</param>
public sealed record CurrencyConversion(
    decimal Amount, string Currency, decimal ConvertedAmount, string ConvertedCurrency, decimal Rate, DateOnly RateDate, int FellBackDays, bool Inverse);
