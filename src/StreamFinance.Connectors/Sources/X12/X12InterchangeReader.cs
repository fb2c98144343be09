using System.Globalization;

namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// Reads one interchange (ISA..IEA): checks the interchange envelope (ISA fixed width and separators, ISA13 = IEA02,
/// IEA01 = number of GS) and fails the whole interchange as one failure when it is broken; otherwise hands each
/// functional group to <see cref="X12FunctionalGroupReader"/>. Segments outside any GS..GE become failures of their own.
/// </summary>
internal static class X12InterchangeReader
{
    /// <summary>Reads the interchange whose ISA starts at <paramref name="start"/>; <paramref name="next"/> is where reading goes on.</summary>
    public static List<SourceReadResult> Read(X12ReadContext context, int start, out int next)
    {
        var payload = context.Span;
        var results = new List<SourceReadResult>();
        if (!X12InterchangeHeader.TryRead(payload, start, out var delimiters, out var isa, out var problem))
        {
            var following = X12InterchangeHeader.Find(payload, start + 3);
            next = following < 0 ? payload.Length : following;
            results.Add(context.Failure(start, TrimLineBreaks(payload, start, next), 1,
                $"segment 1 ISA: {problem}. The interchange at byte {start} is rejected whole; have the sender fix the ISA segment and resend it."));
            return results;
        }

        var segments = X12Tokenizer.Read(payload, isa!, delimiters);
        var iea = segments[^1];
        next = iea.End;
        var control = isa!.Element(13);
        var broken = InterchangeProblem(segments, control!);
        if (broken is not null)
        {
            results.Add(context.Failure(isa, iea,
                $"{broken}. Interchange {control} at byte {start} is rejected whole; have the sender correct its envelope and resend it."));
            return results;
        }

        var index = 1;
        while (index < segments.Count - 1)
        {
            if (segments[index].Id == "GS")
            {
                index = X12FunctionalGroupReader.Read(context, isa, segments, index, delimiters, results);
                continue;
            }
            var stray = index;
            while (index < segments.Count - 1 && segments[index].Id != "GS")
                index++;
            results.Add(context.Failure(segments[stray], segments[index - 1],
                $"{segments[stray].Label}: outside a functional group (expected GS); segments {segments[stray].Number} to {segments[index - 1].Number} are skipped."));
        }
        return results;
    }

    private static string? InterchangeProblem(List<X12Segment> segments, string control)
    {
        var iea = segments[^1];
        if (iea.Id != "IEA")
            return $"{iea.Label}: no IEA segment closes the interchange (the payload is truncated or the IEA is missing)";
        var ieaControl = iea.Element(2);
        if (ieaControl != control)
            return $"{iea.Label}: IEA02 control number '{ieaControl}' does not match ISA13 '{control}' (rule ISA13 = IEA02)";
        var groups = segments.Count(s => s.Id == "GS");
        if (!int.TryParse(iea.Element(1), NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != groups)
            return $"{iea.Label}: IEA01 says '{iea.Element(1)}' functional groups but the interchange has {groups} GS segments (rule IEA01 = number of GS)";
        return null;
    }

    private static int TrimLineBreaks(ReadOnlySpan<byte> payload, int start, int end)
    {
        while (end > start && X12Delimiters.IsLineBreak(payload[end - 1]))
            end--;
        return end;
    }
}
