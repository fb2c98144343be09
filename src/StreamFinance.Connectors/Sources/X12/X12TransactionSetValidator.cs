using System.Globalization;

namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// Checks one ST..SE transaction set: well-formed segment ids, a supported set (850 or 810) in a group with the
/// matching functional id (850 &lt;-&gt; PO, 810 &lt;-&gt; IN), the beginning segment after ST (BEG, BIG),
/// ST02 = SE02 and SE01 = number of segments ST..SE inclusive.
/// </summary>
internal static class X12TransactionSetValidator
{
    private const int MaxReported = 5;

    /// <summary>What is wrong with the set <paramref name="stIndex"/>..<paramref name="seIndex"/>, each naming its segment; null when it is valid.</summary>
    public static string? Problems(X12Segment gs, IReadOnlyList<X12Segment> segments, int stIndex, int seIndex)
    {
        var st = segments[stIndex];
        var se = segments[seIndex];
        var problems = new List<string>();
        var setId = st.Element(1);
        if (setId is null || !X12TransactionSetType.Supported.TryGetValue(setId, out var type))
        {
            problems.Add($"{st.Label}: transaction set '{setId}' (ST01) is not supported; the x12 format reads 850 purchase orders and 810 invoices only, route other sets to another connector");
        }
        else
        {
            if (gs.Element(1) != type.FunctionalId)
                problems.Add($"{st.Label}: an {type.Id} {type.Name} belongs in a functional group '{type.FunctionalId}' but GS01 is '{gs.Element(1)}' (rule ST01 matches GS01: 850 <-> PO, 810 <-> IN)");
            var beginning = stIndex + 1 < seIndex ? segments[stIndex + 1] : se;
            if (beginning.Id != type.BeginningSegment)
                problems.Add($"{beginning.Label}: an {type.Id} {type.Name} must have {type.BeginningSegment} right after ST");
        }

        if (string.IsNullOrEmpty(st.Element(2)))
            problems.Add($"{st.Label}: ST02, the transaction set control number, is missing");
        else if (se.Element(2) != st.Element(2))
            problems.Add($"{se.Label}: SE02 control number '{se.Element(2)}' does not match ST02 '{st.Element(2)}' (rule ST02 = SE02)");

        var count = seIndex - stIndex + 1;
        if (!int.TryParse(se.Element(1), NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != count)
            problems.Add($"{se.Label}: SE01 says '{se.Element(1)}' segments but the set has {count} from ST to SE (rule SE01 = number of segments ST..SE inclusive)");

        var malformed = 0;
        for (var i = stIndex + 1; i < seIndex; i++)
        {
            if (segments[i].HasWellFormedId)
                continue;
            if (++malformed <= MaxReported)
                problems.Add($"{segments[i].Label}: segment ids are 2 or 3 upper-case letters or digits starting with a letter");
        }
        if (malformed > MaxReported)
            problems.Add($"and {malformed - MaxReported} more segments with malformed ids");

        return problems.Count == 0 ? null : string.Join("; ", problems) + ".";
    }
}
