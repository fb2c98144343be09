namespace StreamFinance.Contracts.Common;

/// <summary>Checks the form of ISO 4217 alphabetic currency codes: exactly three upper-case ASCII letters.</summary>
/// <remarks>Only the form is checked, not membership of the ISO list, so new currencies need no code change.</remarks>
public static class CurrencyCodes
{
    /// <summary>True when <paramref name="code"/> is three upper-case ASCII letters, e.g. <c>EUR</c>.</summary>
    public static bool IsValid(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    /// <summary>Returns <paramref name="code"/> when it is valid.</summary>
    /// <exception cref="ArgumentException">The code is not three upper-case ASCII letters.</exception>
    public static string Require(string? code, string paramName) =>
        IsValid(code)
            ? code!
            : throw new ArgumentException(
                $"'{code}' is not an ISO 4217 currency code; use three upper-case letters such as 'EUR' or 'JPY'.", paramName);
}
