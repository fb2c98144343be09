namespace StreamFinance.Connectors.Tests.Support;

/// <summary>A small valid profile (card transactions from JSON) that tests change one line of.</summary>
internal static class MinimalProfile
{
    public const string Yaml = """
        name: test-cards
        version: 7
        sourceSystem: testbank
        format: json
        target: ingest.card-transactions
        sourceId: $.id
        fields:
          transactionId: $.id
          employeeId: $.employee
          merchant: { path: $.merchant, default: "unknown" }
          mcc: { const: "5812" }
          postedDate: { path: $.posted, transform: [{ date: { format: yyyyMMdd, timeZone: Europe/Berlin } }] }
          transactionDate: $.date
          amount:
            amount: { path: $.amount, transform: [{ decimal: { culture: de-DE } }] }
            currency: { path: $.currency, transform: [currency] }
          billedAmount:
            amount: { path: $.amount, transform: [{ decimal: { culture: de-DE } }] }
            currency: { path: $.currency, transform: [currency] }
        """;

    /// <summary>The profile with the first occurrence of <paramref name="from"/> replaced by <paramref name="to"/>.</summary>
    public static string With(string from, string to)
    {
        var index = Yaml.IndexOf(from, StringComparison.Ordinal);
        if (index < 0)
            throw new ArgumentException($"'{from}' is not in the minimal profile.", nameof(from));
        return Yaml[..index] + to + Yaml[(index + from.Length)..];
    }

    /// <summary>1-based line of <paramref name="text"/> in the minimal profile.</summary>
    public static int LineOf(string text) => Yaml[..Yaml.IndexOf(text, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}
