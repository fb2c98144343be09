using System.Text;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Profiles;

public class EdiProfileTests
{
    /// <summary>Maps the records of X12 <paramref name="text"/> that parse; parse failures are left out.</summary>
    private static List<MappingResult> MapText(string profile, string text)
    {
        var mapper = ProfileSamples.Profile(profile);
        return SourceFormats.Default.Get(mapper.Format).Read(Encoding.UTF8.GetBytes(text), "t.x12", mapper.FormatOptions)
            .Where(r => r.Record is not null)
            .Select(r => mapper.Map(r.Record!, ProfileSamples.IngestTime))
            .ToList();
    }

    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void X12_850_purchase_orders_map_with_computed_line_amounts_and_totals_in_the_CUR_currency()
    {
        var sample = MappedSample.Of("edi-850-purchase-orders", "edi/purchase-orders-850.x12");

        Assert.Empty(sample.Failures);
        Assert.Empty(sample.ParseFailures);
        Assert.Equal(["PO-US01-000123", "PO-DE01-000456"], sample.Records.Select(r => r.Key));
        var order = sample.Value<PurchaseOrder>("PO-US01-000123");
        Assert.Equal("PO-US01-000123", order.poNumber);
        Assert.Equal("US01", order.legalEntityId);
        Assert.Equal("SUP-0001", order.supplierId);
        Assert.Equal("CC-1020", order.costCenterId);
        Assert.Equal("PRJ-ERP-2026", order.projectId);
        Assert.Null(order.requesterId);
        Assert.Equal("JSMITH", order.buyerId);
        Assert.Equal("j.smith@streamfinance.example", order.requesterEmail);
        Assert.Equal(new DateTime(2026, 11, 20), order.poDate);
        Assert.Equal(0, order.revision);
        Assert.Equal(PurchaseOrderStatus.APPROVED, order.status);
        Assert.Null(order.approvedAt);
        Assert.Equal([1, 2], order.lines.Select(l => l.lineNumber));
        Assert.Equal("Nitrile safety gloves, box of 100", order.lines[0].item);
        Assert.Equal(10m, AvroDecimals.ToDecimal(order.lines[0].quantity!.Value));
        Assert.Equal(12.50m, order.lines[0].unitPrice!.ToDecimal());
        Assert.Equal(125.00m, order.lines[0].lineAmount.ToDecimal());
        Assert.Equal(344.00m, order.lines[1].lineAmount.ToDecimal());
        Assert.Equal("USD", order.lines[1].lineAmount.currency);
        Assert.Null(order.lines[0].glAccountId);
        Assert.Equal(["46181504", "44103112"], order.lines.Select(l => l.itemCategory));
        Assert.Equal(PurchaseOrderLineType.GOODS, order.lines[0].lineType);
        Assert.Equal(469.00m, order.total.ToDecimal());
        Assert.Equal("USD", order.total.currency);

        Assert.Equal("edi-x12", order.envelope.sourceSystem);
        Assert.Equal("PO-US01-000123/000000101/0001", order.envelope.sourceId);
        Assert.Equal("edi-x12:ingest.purchase-orders:PO-US01-000123/000000101/0001", order.envelope.idempotencyKey);
        Assert.Equal("PO-US01-000123", order.envelope.correlationId);
        Assert.Equal("edi-850-purchase-orders@3", order.envelope.mappingProfile);
        Assert.Equal(Utc(2026, 11, 21, 9, 30), order.envelope.eventTime);
    }

    [Fact]
    public void X12_850_lines_keep_their_own_PID_and_an_N1_inside_a_PO1_loop_does_not_change_the_header_parties()
    {
        var order = MappedSample.Of("edi-850-purchase-orders", "edi/purchase-orders-850.x12").Value<PurchaseOrder>("PO-DE01-000456");

        Assert.Equal("DE01", order.legalEntityId);
        Assert.Equal("SUP-0002", order.supplierId);
        Assert.Equal("CC-2020", order.costCenterId);
        Assert.Equal("PRJ-EU-LAUNCH", order.projectId);
        Assert.Equal(["Bürostuhl ergonomisch", "Kopierpapier A4, 500 Blatt", "Schreibtisch elektrisch 160 cm"], order.lines.Select(l => l.item));
        Assert.Equal(["56101504", "14111507", "56101703"], order.lines.Select(l => l.itemCategory));
        Assert.Equal("MBAUER", order.buyerId);
        Assert.Equal([698.00m, 195.00m, 1290.00m], order.lines.Select(l => l.lineAmount.ToDecimal()));
        Assert.Equal(7.80m, order.lines[1].unitPrice!.ToDecimal());
        Assert.Equal(25m, AvroDecimals.ToDecimal(order.lines[1].quantity!.Value));
        Assert.Equal(2183.00m, order.total.ToDecimal());
        Assert.Equal("EUR", order.total.currency);
        Assert.Equal("edi-x12:ingest.purchase-orders:PO-DE01-000456/000000101/0002", order.envelope.idempotencyKey);
    }

    [Fact]
    public void The_malformed_850_file_yields_parse_failures_for_the_bad_sets_and_interchange_and_a_record_for_the_valid_set()
    {
        var sample = MappedSample.Of("edi-850-purchase-orders", "edi/malformed-850.x12");

        Assert.Equal(4, sample.Count);
        Assert.Equal(3, sample.ParseFailures.Count);
        Assert.Empty(sample.Failures);
        var order = Assert.Single(sample.Records);
        Assert.Equal("PO-US01-000903", order.Key);
        var value = (PurchaseOrder)order.Value;
        Assert.Equal(120.00m, value.total.ToDecimal());
        Assert.Equal("SUP-0004", value.supplierId);
        Assert.Equal("CC-1020", value.costCenterId);
        Assert.Null(value.projectId);
        Assert.Equal("edi-x12:ingest.purchase-orders:PO-US01-000903/000000301/0003", value.envelope.idempotencyKey);
    }

    [Fact]
    public void An_850_without_a_REF_DP_cost_center_fails_mapping_naming_the_field_and_path()
    {
        var text = File.ReadAllText(Path.Combine(ProfileSamples.SampleDirectory, "edi", "malformed-850.x12"));
        var withoutDepartment = text.Replace("REF*DP*CC-1020~\n", string.Empty, StringComparison.Ordinal).Replace("SE*11*0003~", "SE*10*0003~", StringComparison.Ordinal);
        Assert.NotEqual(text, withoutDepartment);

        var results = MapText("edi-850-purchase-orders", withoutDepartment);

        var failure = Assert.Single(results).Failure!;
        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Equal("edi-850-purchase-orders@3 costCenterId: required value missing at REF[DP]02 (no default in the profile) (t.x12:23)", failure.Message);
    }

    [Fact]
    public void X12_810_invoices_map_with_TDS_totals_read_with_two_implied_decimals_also_for_JPY()
    {
        var sample = MappedSample.Of("edi-810-supplier-invoices", "edi/invoices-810.x12");

        Assert.Empty(sample.Failures);
        Assert.Empty(sample.ParseFailures);
        Assert.Equal(["SUP-0001/INV-AC-77001", "SUP-0003/INV-TS-3301"], sample.Records.Select(r => r.Key));
        var invoice = sample.Value<SupplierInvoice>("SUP-0001/INV-AC-77001");
        Assert.Equal("INV-AC-77001", invoice.invoiceNumber);
        Assert.Equal("SUP-0001", invoice.supplierId);
        Assert.Equal("US01", invoice.legalEntityId);
        Assert.Equal("PO-US01-000123", invoice.poNumber);
        Assert.Equal(Utc(2026, 11, 25), invoice.invoiceDate);
        Assert.Equal(Utc(2026, 12, 25), invoice.dueDate);
        Assert.Equal([1, 2], invoice.lines.Select(l => l.poLineNumber!.Value));
        Assert.Equal("Label printer tape, 62 mm", invoice.lines[1].description);
        Assert.Equal(4m, AvroDecimals.ToDecimal(invoice.lines[1].quantity));
        Assert.Equal(86.00m, invoice.lines[1].unitPrice.ToDecimal());
        Assert.Equal([125.00m, 344.00m], invoice.lines.Select(l => l.lineAmount.ToDecimal()));
        Assert.Null(invoice.lines[0].taxCodeId);
        Assert.Equal(0m, invoice.tax.ToDecimal());
        Assert.Equal(469.00m, invoice.total.ToDecimal());
        Assert.Equal("USD", invoice.total.currency);
        Assert.Equal("edi-x12:ingest.supplier-invoices:SUP-0001/INV-AC-77001", invoice.envelope.idempotencyKey);
        Assert.Equal("PO-US01-000123", invoice.envelope.correlationId);
        Assert.Equal("edi-810-supplier-invoices@1", invoice.envelope.mappingProfile);
        Assert.Equal(Utc(2026, 11, 25, 14, 12), invoice.envelope.eventTime);

        var yen = sample.Value<SupplierInvoice>("SUP-0003/INV-TS-3301");
        Assert.Equal("JPY", yen.total.currency);
        Assert.Equal(145500m, yen.total.ToDecimal());
        Assert.Equal(yen.lines.Sum(l => l.lineAmount.ToDecimal()), yen.total.ToDecimal());
        Assert.Equal([90000m, 55500m], yen.lines.Select(l => l.lineAmount.ToDecimal()));
        Assert.Equal(Utc(2027, 1, 24), yen.dueDate);
        Assert.Equal("JP01", yen.legalEntityId);
    }

    [Fact]
    public void An_810_without_ITD_terms_fails_mapping_naming_the_due_date()
    {
        var text = File.ReadAllText(Path.Combine(ProfileSamples.SampleDirectory, "edi", "invoices-810.x12"));
        var withoutTerms = text.Replace("ITD|01|3||||20261225|30~", string.Empty, StringComparison.Ordinal).Replace("SE|18|0001~", "SE|17|0001~", StringComparison.Ordinal);
        Assert.NotEqual(text, withoutTerms);
        var results = MapText("edi-810-supplier-invoices", withoutTerms);

        var failure = results[0].Failure!;
        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("dueDate: required value missing at ITD06", failure.Message);
        Assert.NotNull(results[1].Record);
    }
}
