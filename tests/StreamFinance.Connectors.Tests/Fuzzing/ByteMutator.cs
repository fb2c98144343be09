using System.Text;

namespace StreamFinance.Connectors.Tests.Fuzzing;

/// <summary>
/// Seeded mutations of valid samples: bit flips, byte changes, truncation, deletion and duplication of ranges, splices of
/// two samples, inserted tokens (delimiters, quotes, a byte order mark, invalid and astral UTF-8, huge and odd numbers,
/// impossible dates, EDI separators), deep nesting, and now and then plain random bytes. One to three at a time.
/// </summary>
internal sealed class ByteMutator(IReadOnlyList<byte[]> samples, IReadOnlyList<string>? extraTokens = null)
{
    private const int MaxLength = 256 * 1024;

    private static readonly byte[][] CommonTokens =
    [
        .. new[]
        {
            ",", ";", "\t", "|", "\"", "\"\"", "'", "\n", "\r\n", "\r", " ", "\\", "\\\"", "\\u0000", "\\uD800", "\\uDC00x",
            "{", "}", "[", "]", ":", "{}", "[]", "null", "true", "false", "\"\":", "-", "+", ".", "e", "E", "0", "-0", "00",
            "1e999", "-1e-999", "1E+308", "79228162514264337593543950336", "-79228162514264337593543950336", "0.00000000000000000000000000001",
            "99999999999999999999999999999999999999", "NaN", "Infinity", "0x1F", "1,000.50", "1.000,50", "(12.00)",
            "2026-02-30", "0000-00-00", "9999-12-31T23:59:59", "24:61:61", "2026-13-01T00:00:00Z", "19700101", "20261331",
            "~", "*", ">", "^", ":", "ISA", "GS*", "ST*", "SE*", "GE*", "IEA*", "é", "😀", "\u0000", "\u202E", "ß", "İ",
        }.Select(Encoding.UTF8.GetBytes),
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xC3, 0x28], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0x80], [0xFE],
    ];

    private readonly byte[][] tokens = [.. CommonTokens, .. (extraTokens ?? []).Select(Encoding.UTF8.GetBytes)];

    /// <summary>The input of number <paramref name="index"/> under <paramref name="seed"/>: the same pair always gives the same bytes.</summary>
    public byte[] Input(int seed, int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) ^ (index * 7_919) ^ index));
        if (random.Next(50) == 0)
            return RandomBytes(random);
        var bytes = new List<byte>(samples[random.Next(samples.Count)]);
        var steps = 1 + random.Next(3);
        for (var i = 0; i < steps; i++)
            Mutate(bytes, random);
        return bytes.Count > MaxLength ? bytes.GetRange(0, MaxLength).ToArray() : bytes.ToArray();
    }

    private void Mutate(List<byte> bytes, Random random)
    {
        var at = random.Next(bytes.Count + 1);
        switch (random.Next(11))
        {
            case 0 when bytes.Count > 0:
                for (var n = 1 + random.Next(8); n > 0; n--)
                    bytes[random.Next(bytes.Count)] ^= (byte)(1 << random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                for (var n = 1 + random.Next(8); n > 0; n--)
                    bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 2:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 3:
                bytes.RemoveRange(at, random.Next(Math.Min(64, bytes.Count - at) + 1));
                break;
            case 4 when bytes.Count > 0:
                var start = random.Next(bytes.Count);
                var slice = bytes.GetRange(start, random.Next(Math.Min(256, bytes.Count - start) + 1));
                bytes.InsertRange(random.Next(bytes.Count + 1), slice);
                break;
            case 5:
                var other = samples[random.Next(samples.Count)];
                var from = random.Next(other.Length + 1);
                bytes.RemoveRange(at, bytes.Count - at);
                bytes.AddRange(other.AsSpan(from).ToArray());
                break;
            case 6:
                var nesting = random.Next(2) == 0 ? "[" : "{\"a\":";
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(nesting, 1 + random.Next(3000)))));
                break;
            case 7:
                var repeated = bytes.ToArray();
                for (var n = random.Next(4); n > 0 && bytes.Count + repeated.Length <= MaxLength; n--)
                    bytes.AddRange(repeated);
                break;
            default:
                for (var n = 1 + random.Next(4); n > 0; n--)
                    bytes.InsertRange(random.Next(bytes.Count + 1), tokens[random.Next(tokens.Length)]);
                break;
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(1024)];
        random.NextBytes(bytes);
        return bytes;
    }
}
