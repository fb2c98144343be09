using System.Globalization;
using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Tests.X12;

public class X12SampleFileTests
{
    private static List<SourceReadResult> ReadSample(string name) => X12Text.Read(X12Text.Sample(name), name);

    [Fact]
    public void The_850_sample_holds_two_purchase_orders_of_sample_world_entities_and_suppliers()
    {
        var orders = ReadSample("purchase-orders-850.x12").Select(r => r.Record!.Document).ToList();

        Assert.Equal(["PO-US01-000123", "PO-DE01-000456"], orders.Select(o => o.Value("BEG03")));
        Assert.Equal(["US01", "DE01"], orders.Select(o => o.Value("N1[BY]04")));
        Assert.Equal(["USD", "EUR"], orders.Select(o => o.Value("CUR02")));
        Assert.Equal(["20261204", "20261215"], orders.Select(o => o.Value("DTM[002]02")));
        Assert.Equal(["PRJ-ERP-2026", "PRJ-EU-LAUNCH"], orders.Select(o => o.Value("REF[DP]04-2")));
        var world = new SampleWorld();
        foreach (var order in orders)
        {
            Assert.Contains(world.Entities, e => e.Id == order.Value("N1[BY]04") && e.Currency == order.Value("CUR02"));
            Assert.Contains(world.Suppliers, s => s.Id == order.Value("N1[VN]04") && s.Name == order.Value("N1[VN]02"));
            Assert.Contains(world.CostCenters, c => c.Id == order.Value("REF[DP]02") && c.Entity == order.Value("N1[BY]04"));
            Assert.Contains(world.Projects, p => p.Id == order.Value("REF[DP]04-2") && p.Entity == order.Value("N1[BY]04"));
        }
    }

    [Fact]
    public void The_850_sample_lines_and_parties_read_as_loops()
    {
        var orders = ReadSample("purchase-orders-850.x12").Select(r => r.Record!.Document).ToList();

        Assert.Equal([2, 3], orders.Select(o => o.Items("PO1").Count));
        Assert.Equal(["BY", "ST", "VN"], orders[0].Items("N1").Select(p => p.Value("N101")));
        Assert.Equal(["BY", "ST", "VN"], orders[1].Items("N1").Select(p => p.Value("N101")));
        Assert.Equal("Dock 4", orders[0].Items("N1[ST]")[0].Value("N302"));
        Assert.Equal("Bürostuhl ergonomisch", orders[1].Items("PO1")[0].Value("PID05"));
        Assert.Equal("DE01-BER-2", orders[1].Items("PO1")[1].Items("N1")[0].Value("N104"));
        Assert.Equal(["2", "3"], orders.Select(o => o.Value("CTT01")));
    }

    [Fact]
    public void The_850_sample_records_carry_their_position_and_exact_bytes()
    {
        var records = ReadSample("purchase-orders-850.x12").Select(r => r.Record!).ToList();

        Assert.Equal("purchase-orders-850.x12:3", records[0].Position.ToString());
        Assert.Equal(24, records[1].Position.Line);
        Assert.StartsWith("ST*850*0002~\nBEG*00*SA*PO-DE01-000456", X12Text.Text(records[1].Raw));
        Assert.EndsWith("CTT*3~\nSE*21*0002~", X12Text.Text(records[1].Raw));
    }

    [Fact]
    public void The_810_sample_uses_pipe_and_caret_separators_on_one_line()
    {
        var bytes = X12Text.Sample("invoices-810.x12");
        Assert.DoesNotContain((byte)'\n', bytes[..^1]);
        Assert.Equal((byte)'|', bytes[3]);

        var invoices = ReadSample("invoices-810.x12").Select(r => r.Record!.Document).ToList();

        Assert.Equal(["INV-AC-77001", "INV-TS-3301"], invoices.Select(i => i.Value("BIG02")));
        Assert.Equal(["PO-US01-000123", "PO-JP01-000789"], invoices.Select(i => i.Value("BIG04")));
        Assert.Equal(["SUP-0001", "SUP-0003"], invoices.Select(i => i.Value("N1[RE]04")));
        Assert.Equal(["US01", "JP01"], invoices.Select(i => i.Value("N1[BT]04")));
        Assert.Equal(["IN", "IN"], invoices.Select(i => i.Value("GS01")));
    }

    [Fact]
    public void TDS_totals_are_the_invoice_amounts_in_cents_and_equal_the_sum_of_the_lines()
    {
        var invoices = ReadSample("invoices-810.x12").Select(r => r.Record!.Document).ToList();

        Assert.Equal(["46900", "14550000"], invoices.Select(i => i.Value("TDS01")));
        foreach (var invoice in invoices)
        {
            var lines = invoice.Items("IT1").Sum(l => Decimal(l.Value("IT102")) * Decimal(l.Value("IT104")));
            Assert.Equal(lines * 100m, Decimal(invoice.Value("TDS01")));
        }
        Assert.Equal(469.00m, Decimal(invoices[0].Value("TDS01")) / 100m);
    }

    [Fact]
    public void The_malformed_sample_fails_the_bad_sets_and_the_bad_interchange_but_reads_the_valid_set_between_them()
    {
        var results = ReadSample("malformed-850.x12");

        Assert.Equal(4, results.Count);
        Assert.Contains("rule SE01 = number of segments ST..SE inclusive", results[0].Failure!.Message);
        Assert.Contains("rule ST02 = SE02", results[1].Failure!.Message);
        Assert.Equal("PO-US01-000903", results[2].Record!.Document.Value("BEG03"));
        Assert.Contains("rule ISA13 = IEA02", results[3].Failure!.Message);
        Assert.StartsWith("ISA*", X12Text.Text(results[3].Failure!.Raw));
        Assert.EndsWith("IEA*1*000000399~", X12Text.Text(results[3].Failure!.Raw));
    }

    private static decimal Decimal(string? text) => decimal.Parse(text!, NumberStyles.Number, CultureInfo.InvariantCulture);
}
