namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// Which segments belong to a loop of 850 and 810 transaction sets, so that <see cref="X12SourceDocument.Items"/> can
/// return a loop with its child segments:
/// <list type="bullet">
/// <item><c>PO1</c> (850 line): up to the next PO1 or the summary (CTT, SE).</item>
/// <item><c>IT1</c> (810 line): up to the next IT1 or the summary (TDS, CTT, SE).</item>
/// <item><c>N1</c> (party): followed by its N2, N3, N4, NX2, REF, PER, SI, FOB, TD1, TD3, TD4, TD5, PKG, DMG segments.</item>
/// <item>Any other segment id is an item on its own, one per occurrence.</item>
/// </list>
/// The detail loops (PO1, IT1) are closed from outside: looking for any other id skips their segments, so the header
/// <c>N1</c> loops of a purchase order do not include the ship-to parties of its lines.
/// </summary>
internal static class X12Loops
{
    private static readonly Dictionary<string, HashSet<string>> EndedBy = new()
    {
        ["PO1"] = ["PO1", "CTT", "SE"],
        ["IT1"] = ["IT1", "TDS", "CTT", "SE"],
    };

    private static readonly Dictionary<string, HashSet<string>> Children = new()
    {
        ["N1"] = ["N2", "N3", "N4", "NX2", "REF", "PER", "SI", "FOB", "TD1", "TD3", "TD4", "TD5", "PKG", "DMG"],
    };

    /// <summary>The items of <paramref name="path"/> in <paramref name="segments"/>, each as a range of segments, in order.</summary>
    public static List<Range> Find(IReadOnlyList<X12Segment> segments, X12LoopPath path, X12Delimiters delimiters)
    {
        var items = new List<Range>();
        var index = 0;
        while (index < segments.Count)
        {
            var segment = segments[index];
            if (segment.Id == path.SegmentId)
            {
                var end = End(segments, index);
                if (path.Qualifier is null || X12Values.Read(segment.Element(1), delimiters, null) == path.Qualifier)
                {
                    items.Add(index..end);
                    index = end;
                    continue;
                }
            }
            // A detail loop nested below the document's own first segment is opaque to searches for other ids.
            index = index > 0 && EndedBy.ContainsKey(segment.Id) && segment.Id != path.SegmentId ? End(segments, index) : index + 1;
        }
        return items;
    }

    private static int End(IReadOnlyList<X12Segment> segments, int start)
    {
        var id = segments[start].Id;
        var end = start + 1;
        if (EndedBy.TryGetValue(id, out var terminators))
        {
            while (end < segments.Count && !terminators.Contains(segments[end].Id))
                end++;
        }
        else if (Children.TryGetValue(id, out var children))
        {
            while (end < segments.Count && children.Contains(segments[end].Id))
                end++;
        }
        return end;
    }
}
