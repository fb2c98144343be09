namespace StreamFinance.Domain.MasterData.Suppliers;

/// <summary>
/// Jaro-Winkler string similarity in [0, 1] (1: equal), with the usual prefix scale 0.1 over at most 4 common leading
/// characters. Symmetric: the two strings are put in ordinal order before comparing, so Similarity(a, b) equals
/// Similarity(b, a) exactly.
/// </summary>
public static class JaroWinkler
{
    private const double PrefixScale = 0.1;
    private const int MaxPrefix = 4;

    /// <summary>Similarity of <paramref name="a"/> and <paramref name="b"/>, compared character by character (ordinal).</summary>
    public static double Similarity(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (string.CompareOrdinal(a, b) > 0)
            (a, b) = (b, a);
        if (a.Length == 0 && b.Length == 0)
            return 1.0;
        if (a.Length == 0 || b.Length == 0)
            return 0.0;

        var jaro = Jaro(a, b);
        var prefix = 0;
        while (prefix < Math.Min(MaxPrefix, Math.Min(a.Length, b.Length)) && a[prefix] == b[prefix])
            prefix++;
        return Math.Min(1.0, jaro + prefix * PrefixScale * (1.0 - jaro));
    }

    private static double Jaro(string a, string b)
    {
        var window = Math.Max(0, Math.Max(a.Length, b.Length) / 2 - 1);
        var aMatched = new bool[a.Length];
        var bMatched = new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var start = Math.Max(0, i - window);
            var end = Math.Min(b.Length - 1, i + window);
            for (var j = start; j <= end; j++)
            {
                if (bMatched[j] || a[i] != b[j])
                    continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0)
            return 0.0;

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (!aMatched[i])
                continue;
            while (!bMatched[k])
                k++;
            if (a[i] != b[k])
                transpositions++;
            k++;
        }
        double m = matches;
        return (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3.0;
    }
}
