using System.Globalization;

namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// Reads one functional group (GS..GE): checks GS06 = GE02 and GE01 = number of ST and fails the whole group as one
/// failure when they disagree; otherwise reads each ST..SE transaction set as a record, or as a failure that names
/// the segment and the problem, and goes on with the next set.
/// </summary>
internal static class X12FunctionalGroupReader
{
    /// <summary>
    /// Reads the group whose GS is <paramref name="segments"/>[<paramref name="gsIndex"/>] into <paramref name="results"/>;
    /// returns the index of the first segment after it. The last segment of <paramref name="segments"/> is the IEA.
    /// </summary>
    public static int Read(X12ReadContext context, X12Segment isa, List<X12Segment> segments, int gsIndex, X12Delimiters delimiters, List<SourceReadResult> results)
    {
        var gs = segments[gsIndex];
        var limit = segments.Count - 1;
        var geIndex = gsIndex + 1;
        while (geIndex < limit && segments[geIndex].Id is not ("GE" or "GS"))
            geIndex++;
        if (geIndex == limit || segments[geIndex].Id != "GE")
        {
            results.Add(context.Failure(gs, segments[geIndex - 1],
                $"{gs.Label}: functional group '{gs.Element(6)}' has no GE before {segments[geIndex].Label}; the group is rejected whole."));
            return geIndex;
        }

        var ge = segments[geIndex];
        var problem = GroupProblem(segments, gsIndex, geIndex);
        if (problem is not null)
        {
            results.Add(context.Failure(gs, ge, $"{problem}; functional group '{gs.Element(6)}' is rejected whole, have the sender correct its envelope and resend it."));
            return geIndex + 1;
        }

        var index = gsIndex + 1;
        while (index < geIndex)
        {
            if (segments[index].Id != "ST")
            {
                var stray = index;
                while (index < geIndex && segments[index].Id != "ST")
                    index++;
                results.Add(context.Failure(segments[stray], segments[index - 1],
                    $"{segments[stray].Label}: outside a transaction set (expected ST); segments {segments[stray].Number} to {segments[index - 1].Number} are skipped."));
                continue;
            }
            var stIndex = index;
            var seIndex = stIndex + 1;
            while (seIndex < geIndex && segments[seIndex].Id is not ("SE" or "ST"))
                seIndex++;
            if (seIndex == geIndex || segments[seIndex].Id != "SE")
            {
                results.Add(context.SetFailure(segments[stIndex], segments[seIndex - 1],
                    $"{segments[stIndex].Label}: transaction set '{segments[stIndex].Element(2)}' has no SE before {segments[seIndex].Label}."));
                index = seIndex;
                continue;
            }
            results.Add(ReadTransactionSet(context, isa, gs, segments, stIndex, seIndex, delimiters));
            index = seIndex + 1;
        }
        return geIndex + 1;
    }

    private static SourceReadResult ReadTransactionSet(X12ReadContext context, X12Segment isa, X12Segment gs, List<X12Segment> segments, int stIndex, int seIndex, X12Delimiters delimiters)
    {
        var st = segments[stIndex];
        var se = segments[seIndex];
        var problems = X12TransactionSetValidator.Problems(gs, segments, stIndex, seIndex);
        if (problems is not null)
            return context.SetFailure(st, se, $"transaction set '{st.Element(2)}' is rejected: {problems}");
        var documentSegments = new X12Segment[seIndex - stIndex + 3];
        documentSegments[0] = isa;
        documentSegments[1] = gs;
        segments.CopyTo(stIndex, documentSegments, 2, seIndex - stIndex + 1);
        return context.Record(st, se, new X12SourceDocument(documentSegments, delimiters));
    }

    private static string? GroupProblem(List<X12Segment> segments, int gsIndex, int geIndex)
    {
        var gs = segments[gsIndex];
        var ge = segments[geIndex];
        if (string.IsNullOrEmpty(gs.Element(6)))
            return $"{gs.Label}: GS06, the group control number, is missing";
        if (ge.Element(2) != gs.Element(6))
            return $"{ge.Label}: GE02 control number '{ge.Element(2)}' does not match GS06 '{gs.Element(6)}' (rule GS06 = GE02)";
        var sets = 0;
        for (var i = gsIndex + 1; i < geIndex; i++)
            if (segments[i].Id == "ST")
                sets++;
        if (!int.TryParse(ge.Element(1), NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != sets)
            return $"{ge.Label}: GE01 says '{ge.Element(1)}' transaction sets but the group has {sets} ST segments (rule GE01 = number of ST)";
        return null;
    }
}
