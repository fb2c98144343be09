using System.Text;
using System.Text.RegularExpressions;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Kafka.Masking;

namespace StreamFinance.Connectors.Sensitive;

/// <summary>
/// The sensitive values of one source record, and the one way they are masked in any text or bytes about it. Two
/// nets: the values found at the profile's <c>sensitive:</c> paths (masked in any spelling, with or without spaces and
/// dashes, in any case), and, for each kind the profile declares, anything that passes that kind's checksum: a run of
/// 13 to 19 digits starting 2 to 6 that passes the Luhn check (a card number), or an IBAN with valid check digits. The
/// second net covers records the format could not parse, whose fields cannot be located. Immutable.
/// </summary>
public sealed class SensitiveValues
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private readonly IReadOnlySet<SensitiveKind> kinds;

    // Patterns are built only when a dead letter is masked, not for every record that maps.
    private readonly Lazy<IReadOnlyList<(SensitiveKind Kind, string Clear, Regex Pattern)>> located;

    private SensitiveValues(IReadOnlyList<(SensitiveKind Kind, string Clear)> values, IReadOnlySet<SensitiveKind> kinds)
    {
        this.kinds = kinds;
        located = new(() => values.Select(v => (v.Kind, v.Clear, Pattern(v.Clear))).Where(v => v.Item3 is not null).Select(v => (v.Kind, v.Clear, v.Item3!)).ToList());
    }

    /// <summary>Nothing to mask: the profile declares no sensitive field.</summary>
    public static SensitiveValues None { get; } = new([], new HashSet<SensitiveKind>());

    /// <summary>Whether nothing is ever masked.</summary>
    public bool IsNone => kinds.Count == 0;

    /// <summary>The values of <paramref name="fields"/> in <paramref name="document"/>, masked by path and by checksum.</summary>
    public static SensitiveValues Locate(IReadOnlyList<SensitiveField> fields, ISourceDocument document)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(document);
        if (fields.Count == 0)
            return None;
        var values = new List<(SensitiveKind, string)>();
        foreach (var field in fields)
        {
            string? clear;
            try
            {
                clear = document.Value(field.Path);
            }
            catch (FormatException)
            {
                continue; // A path of another format: the checksum net still applies.
            }
            if (clear is not null)
                values.Add((field.Kind, clear));
        }
        return new SensitiveValues(values, fields.Select(f => f.Kind).ToHashSet());
    }

    /// <summary>For a record the format could not parse: its fields cannot be located, so only the checksums of the declared kinds mask.</summary>
    public static SensitiveValues Unlocated(IReadOnlyList<SensitiveField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.Count == 0 ? None : new SensitiveValues([], fields.Select(f => f.Kind).ToHashSet());
    }

    /// <summary><paramref name="text"/> with every sensitive value masked; the same instance when there was none.</summary>
    public string? Mask(string? text)
    {
        if (text is null || IsNone)
            return text;
        var spans = new List<MaskSpan>();
        foreach (var (kind, clear, pattern) in located.Value)
            foreach (Match match in pattern.Matches(text))
                spans.Add(new MaskSpan(match.Index, match.Length, MaskOf(kind, clear)));
        SensitiveMasks.AddChecksumSpans(text, kinds.Contains(SensitiveKind.Pan), kinds.Contains(SensitiveKind.BankAccount), spans);
        return spans.Count == 0 ? text : SensitiveMasks.Replace(text, spans);
    }

    /// <summary>
    /// <paramref name="bytes"/> with every sensitive value masked; the same array when there was none. Read as Latin-1,
    /// one character per byte, so bytes that are not ASCII (UTF-8 text, binary) come back exactly as they were.
    /// </summary>
    public byte[]? Mask(byte[]? bytes)
    {
        if (bytes is null || IsNone)
            return bytes;
        var text = Encoding.Latin1.GetString(bytes);
        var masked = Mask(text)!;
        return ReferenceEquals(masked, text) ? bytes : Encoding.Latin1.GetBytes(masked);
    }

    /// <summary>A pattern matching <paramref name="clear"/> in any case, with or without white space and dashes between its characters, as a whole word; null when too short to tell apart (under 4 characters).</summary>
    private static Regex? Pattern(string clear)
    {
        var characters = clear.Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray();
        if (characters.Length < 4)
            return null;
        var body = string.Join(@"[\s-]*", characters.Select(c => Regex.Escape(c.ToString())));
        return new Regex($"(?<![A-Za-z0-9]){body}(?![A-Za-z0-9])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout);
    }

    /// <summary>The masked form of <paramref name="clear"/> as <paramref name="kind"/>.</summary>
    public static string MaskOf(SensitiveKind kind, string clear) =>
        kind == SensitiveKind.Pan ? SensitiveMasks.Pan(clear) : SensitiveMasks.BankAccount(clear);
}
