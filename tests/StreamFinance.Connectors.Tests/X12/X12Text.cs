using System.Text;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.X12;

namespace StreamFinance.Connectors.Tests.X12;

/// <summary>
/// Builds X12 test payloads. Payloads are written with the canonical separators <c>*</c> (element), <c>&gt;</c>
/// (component), <c>^</c> (repetition) and <c>~</c> (terminator) and then rewritten to other separators when a test
/// needs them; the data never contains those four characters.
/// </summary>
internal static class X12Text
{
    public static string Isa(string control = "000000001", string version = "00501", char repetition = '^', string sender = "STREAMFINUS01", string receiver = "SUPPLIERNET")
    {
        var isa = $"ISA*00*{"",10}*00*{"",10}*ZZ*{sender,-15}*ZZ*{receiver,-15}*261120*0930*{repetition}*{version}*{control}*0*P*>~";
        Assert.Equal(106, isa.Length);
        return isa;
    }

    /// <summary>An ST..SE set with the right SE01 count, unless <paramref name="seCount"/> or <paramref name="seControl"/> overrides it.</summary>
    public static string Set(string id, string control, IEnumerable<string> body, int? seCount = null, string? seControl = null)
    {
        var segments = new List<string> { $"ST*{id}*{control}~" };
        segments.AddRange(body.Select(s => s + "~"));
        segments.Add($"SE*{seCount ?? segments.Count + 1}*{seControl ?? control}~");
        return string.Concat(segments);
    }

    public static string PurchaseOrder(string control = "0001", string number = "PO-US01-000123", int? seCount = null, string? seControl = null) =>
        Set("850", control,
        [
            $"BEG*00*NE*{number}**20261120",
            "CUR*BY*USD",
            "REF*DP*CC-1020**PJ>PRJ-ERP-2026",
            "DTM*002*20261204",
            "N1*BY*StreamFinance Demo Inc.*92*US01",
            "N1*VN*Acme Industrial Supply Inc.*92*SUP-0001",
            "PO1*1*10*EA*12.50**VP*AC-1001",
            "PID*F****Nitrile gloves",
            "CTT*1",
        ], seCount, seControl);

    public static string Invoice(string control = "0001", string number = "INV-AC-77001") =>
        Set("810", control,
        [
            $"BIG*20261125*{number}*20261120*PO-US01-000123",
            "CUR*SE*USD",
            "N1*RE*Acme Industrial Supply Inc.*92*SUP-0001",
            "IT1*1*10*EA*12.50**VP*AC-1001",
            "PID*F****Nitrile gloves",
            "IT1*2*4*BX*86.00**VP*AC-2040",
            "TDS*46900",
            "CTT*2",
        ]);

    public static string Group(string functionalId, string control, IReadOnlyList<string> sets, int? geCount = null, string? geControl = null) =>
        $"GS*{functionalId}*STREAMFINUS01*SUPPLIERNET*20261120*0930*{control}*X*005010~"
        + string.Concat(sets)
        + $"GE*{geCount ?? sets.Count}*{geControl ?? control}~";

    public static string Interchange(IReadOnlyList<string> groups, string control = "000000001", int? ieaCount = null, string? ieaControl = null) =>
        Isa(control) + string.Concat(groups) + $"IEA*{ieaCount ?? groups.Count}*{ieaControl ?? control}~";

    /// <summary>One interchange with one group of <paramref name="sets"/>.</summary>
    public static string PurchaseOrders(params string[] sets) => Interchange([Group("PO", "1", sets)]);

    public static string WithSeparators(string canonical, char element, char component, char repetition, char terminator) =>
        new(canonical.Select(c => c switch
        {
            '*' => element,
            '>' => component,
            '^' => repetition,
            '~' => terminator,
            _ => c,
        }).ToArray());

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(ReadOnlyMemory<byte> raw) => Encoding.UTF8.GetString(raw.Span);

    public static List<SourceReadResult> Read(string text, string location = "test.x12") => Read(Bytes(text), location);

    public static List<SourceReadResult> Read(byte[] payload, string location = "test.x12") =>
        new X12Format().Read(payload, location, new Dictionary<string, string>()).ToList();

    public static SourceRecord Single(string text)
    {
        var results = Read(text);
        var result = Assert.Single(results);
        Assert.Null(result.Failure?.Message);
        return result.Record!;
    }

    public static SourceParseFailure SingleFailure(string text)
    {
        var result = Assert.Single(Read(text));
        Assert.NotNull(result.Failure);
        return result.Failure;
    }

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Samples", "edi", name));
}
