namespace StreamFinance.Connectors.Sources.X12;

/// <summary>
/// ANSI X12 EDI (format name <c>x12</c>): reads 850 purchase orders and 810 invoices, one <see cref="SourceRecord"/>
/// per ST..SE transaction set, from payloads holding one or more ISA..IEA interchanges.
/// <para>
/// Separators come from each interchange's ISA segment (element separator = the byte after <c>ISA</c>, repetition
/// separator ISA11, component separator ISA16, segment terminator = the byte after ISA16); line breaks after segment
/// terminators are tolerated. A record's <see cref="SourceRecord.Raw"/> is the transaction set's bytes from ST to the
/// SE terminator, its <see cref="SourcePosition.Line"/> the number of its ST segment in the interchange (ISA = 1), and
/// its document an <see cref="X12SourceDocument"/>.
/// </para>
/// <para>
/// Failures, each with its raw bytes, and reading goes on after them: a broken interchange envelope (ISA not 106
/// characters, unusable separators, ISA13 &#8800; IEA02, IEA01 &#8800; number of GS, no IEA) fails the whole
/// interchange; a broken group envelope (GS06 &#8800; GE02, GE01 &#8800; number of ST, no GE) the whole group; a bad
/// transaction set (ST02 &#8800; SE02, SE01 &#8800; segments ST..SE, ST01 not 850/810 or not matching GS01 (PO, IN),
/// no BEG/BIG after ST, malformed segment ids, no SE) only that set. Bytes that are not inside an interchange are a
/// failure of their own. Reading takes linear time and never throws for content.
/// </para>
/// The format takes no options.
/// </summary>
public sealed class X12Format : ISourceFormat
{
    /// <inheritdoc />
    public string Name => "x12";

    /// <inheritdoc />
    /// <remarks>True: each transaction set stands alone, so a bad set (or one whose data the profile cannot map) is that set's dead letter, never the file's.</remarks>
    public bool SelfContainedRecords => true;

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="options"/> is not empty: the x12 format has no options.</exception>
    public IEnumerable<SourceReadResult> Read(ReadOnlyMemory<byte> payload, string location, IReadOnlyDictionary<string, string> options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count > 0)
            throw new ArgumentException(
                $"The x12 format takes no options, but the profile sets {string.Join(", ", options.Keys.Select(k => $"'{k}'"))}: remove them from the profile's format options (separators are read from each ISA segment).",
                nameof(options));
        return ReadInterchanges(new X12ReadContext(payload, location));
    }

    private static IEnumerable<SourceReadResult> ReadInterchanges(X12ReadContext context)
    {
        var position = SkipPadding(context, 0);
        while (position < context.Span.Length)
        {
            if (X12InterchangeHeader.StartsAt(context.Span, position))
            {
                var results = X12InterchangeReader.Read(context, position, out var next);
                foreach (var result in results)
                    yield return result;
                position = SkipPadding(context, next);
                continue;
            }
            var start = position;
            var following = X12InterchangeHeader.Find(context.Span, start + 1);
            position = following < 0 ? context.Span.Length : following;
            yield return NotAnInterchange(context, start, position);
        }
    }

    private static SourceReadResult NotAnInterchange(X12ReadContext context, int start, int end)
    {
        var span = context.Span;
        while (end > start && IsPadding(span[end - 1]))
            end--;
        var shown = new string(span.Slice(start, Math.Min(12, end - start)).ToArray().Select(b => b is >= 0x20 and < 0x7F ? (char)b : '?').ToArray());
        return context.Failure(start, end, 1,
            $"bytes {start} to {end - 1} are not inside an X12 interchange (expected an ISA segment, found '{shown}'); they are skipped, check that the file is complete X12.");
    }

    private static int SkipPadding(X12ReadContext context, int position)
    {
        var span = context.Span;
        if (position == 0 && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            position = 3;
        while (position < span.Length && IsPadding(span[position]))
            position++;
        return position;
    }

    private static bool IsPadding(byte value) => value is (byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0;
}
