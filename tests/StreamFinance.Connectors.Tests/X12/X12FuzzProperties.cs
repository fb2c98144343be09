using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Tests.X12;

/// <summary>Random and mutated payloads: reading never throws, and every result is exactly a record or a failure over bytes of the payload.</summary>
public class X12FuzzProperties
{
    private static readonly string Valid = X12Text.PurchaseOrders(X12Text.PurchaseOrder(), X12Text.PurchaseOrder("0002", "PO-2"))
        + "\r\n" + X12Text.WithSeparators(X12Text.Interchange([X12Text.Group("IN", "7", [X12Text.Invoice()])], control: "000000002"), '|', ':', '{', '\n');

    private static readonly byte[] ValidBytes = X12Text.Bytes(Valid);

    private static readonly string[] Paths = ["BEG03", "N1[ST]02", "PO107-1", "DTM[002]02", "ISA06", "GS02", "ST01", "TDS01", "REF[DP]04-2"];

    [Property(MaxTest = 300)]
    public void Random_bytes_never_throw(byte[] bytes) => AssertWellFormed(bytes);

    [Property(MaxTest = 300)]
    public void Random_bytes_after_an_ISA_segment_never_throw(byte[] bytes) =>
        AssertWellFormed(X12Text.Bytes(X12Text.Isa()).Concat(bytes).ToArray());

    [Property(MaxTest = 300)]
    public void Byte_flips_in_valid_interchanges_never_throw(NonEmptyArray<Tuple<NonNegativeInt, byte>> flips)
    {
        var bytes = (byte[])ValidBytes.Clone();
        foreach (var (position, value) in flips.Get)
            bytes[position.Get % bytes.Length] = value;
        AssertWellFormed(bytes);
    }

    [Property(MaxTest = 300)]
    public void Truncated_valid_interchanges_never_throw(NonNegativeInt length) =>
        AssertWellFormed(ValidBytes[..(length.Get % (ValidBytes.Length + 1))]);

    [Property(MaxTest = 300)]
    public void Duplicated_or_dropped_segments_never_throw(NonNegativeInt segment, bool drop)
    {
        var segments = Valid.Split('~').ToList();
        var index = segment.Get % segments.Count;
        if (drop)
            segments.RemoveAt(index);
        else
            segments.Insert(index, segments[index]);
        AssertWellFormed(X12Text.Bytes(string.Join('~', segments)));
    }

    [Property(MaxTest = 300)]
    public void Swapped_separators_never_throw(NonNegativeInt first, NonNegativeInt second)
    {
        var separators = new[] { '*', '>', '^', '~', '|', ':', '{', '\n' };
        var a = separators[first.Get % separators.Length];
        var b = separators[second.Get % separators.Length];
        var swapped = new string(Valid.Select(c => c == a ? b : c == b ? a : c).ToArray());
        AssertWellFormed(X12Text.Bytes(swapped));
    }

    [Property(MaxTest = 200)]
    public void Payloads_spliced_from_pieces_of_valid_interchanges_never_throw(NonNegativeInt[] cuts)
    {
        var pieces = new List<byte>();
        for (var i = 0; i + 1 < cuts.Length; i += 2)
        {
            var start = cuts[i].Get % ValidBytes.Length;
            var length = cuts[i + 1].Get % (ValidBytes.Length - start + 1);
            pieces.AddRange(ValidBytes.AsSpan(start, length).ToArray());
        }
        AssertWellFormed(pieces.ToArray());
    }

    [Fact]
    public void The_unmutated_fuzz_seed_reads_as_three_records()
    {
        Assert.Equal(3, X12Text.Read(ValidBytes).Count(r => r.Record is not null));
    }

    [Fact]
    public void Large_and_pathological_payloads_are_read_in_linear_time()
    {
        var manySets = X12Text.PurchaseOrders(Enumerable.Range(1, 20_000).Select(i => X12Text.PurchaseOrder(i.ToString("D4"), $"PO-{i}")).ToArray());
        var repeatedIsa = string.Concat(Enumerable.Repeat("ISA*", 250_000));
        var manyGroupsWithoutGe = X12Text.Isa() + string.Concat(Enumerable.Repeat("GS*PO*A*B*1*1*1*X*1~", 100_000)) + "IEA*100000*000000001~";
        var terminators = X12Text.Isa() + new string('~', 1_000_000);

        var watch = Stopwatch.StartNew();
        Assert.Equal(20_000, X12Text.Read(manySets).Count(r => r.Record is not null));
        Assert.Equal(250_000, X12Text.Read(repeatedIsa).Count);
        Assert.Equal(100_000, X12Text.Read(manyGroupsWithoutGe).Count);
        Assert.Single(X12Text.Read(terminators));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }

    private static void AssertWellFormed(byte[] payload)
    {
        foreach (var result in X12Text.Read(payload))
        {
            Assert.True(result.Record is null != (result.Failure is null), "exactly one of record and failure");
            var raw = result.Record?.Raw ?? result.Failure!.Raw;
            Assert.False(raw.IsEmpty);
            Assert.True(payload.AsSpan().IndexOf(raw.Span) >= 0, "raw bytes are a slice of the payload");
            if (result.Failure is { } failure)
                Assert.False(string.IsNullOrWhiteSpace(failure.Message));
            else
                foreach (var path in Paths)
                    _ = result.Record!.Document.Value(path);
            if (result.Record is { } record)
                foreach (var item in record.Document.Items("PO1").Concat(record.Document.Items("N1")))
                    _ = item.Value("N102");
        }
    }
}
