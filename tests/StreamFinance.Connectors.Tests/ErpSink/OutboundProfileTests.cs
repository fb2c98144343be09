using System.Text.Json;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Mapping.Outbound;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Embedded.Erp;
using StreamFinance.TestSupport.Erp;

namespace StreamFinance.Connectors.Tests.ErpSink;

/// <summary>The shipped outbound profiles: the call each builds from a canonical record, and how each reads the ERP's answers (in the fake ERP's vendor shapes).</summary>
public sealed class OutboundProfileTests
{
    private static string Directory => Path.Combine(AppContext.BaseDirectory, "Profiles", OutboundProfileCatalog.Folder);

    private static OutboundProfile Profile(string name) => new MappingProfileLoader().LoadOutboundFile(Path.Combine(Directory, name + ".yaml"));

    [Fact]
    public void Every_shipped_outbound_profile_loads_and_reads_an_erp_topic()
    {
        using var catalog = new OutboundProfileCatalog(Directory, watch: false);
        Assert.Equal(["d365-journal-lines", "netsuite-journal-entries", "sap-supplier-invoices"], catalog.Profiles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            [("d365-journal-lines", Topics.JournalPostings.Name), ("netsuite-journal-entries", Topics.JournalPostings.Name), ("sap-supplier-invoices", Topics.ApInvoices.Name)],
            catalog.Profiles.Values.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => (p.Name, p.Source.Name)));
    }

    [Fact]
    public void NetSuite_journal_is_an_upsert_by_external_id_with_debit_and_credit_lines()
    {
        var request = Assert.IsType<ErpRequest>(Profile("netsuite-journal-entries").Build(ErpPostingSamples.Journal("JE-US01-USD-1")).Request);

        Assert.Equal(("PUT", "services/rest/record/v1/journalEntry/eid:JE-US01-USD-1"), (request.Method, request.Path));
        Assert.Contains(new KeyValuePair<string, string>("X-NetSuite-Idempotency-Key", "JE-US01-USD-1"), request.Headers);
        Assert.Contains(new KeyValuePair<string, string>("X-NetSuite-PropertyValueValidation", "Error"), request.Headers);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("JE-US01-USD-1", root.GetProperty("externalId").GetString());
        Assert.Equal("US01", root.GetProperty("subsidiary").GetProperty("externalId").GetString());
        Assert.Equal("USD", root.GetProperty("currency").GetProperty("refName").GetString());
        Assert.Equal("2026-11-26", root.GetProperty("tranDate").GetString());
        var lines = root.GetProperty("line").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(("6100", 123.45m, false, "CC-1000"), (lines[0].GetProperty("account").GetProperty("externalId").GetString(), lines[0].GetProperty("debit").GetDecimal(),
            lines[0].TryGetProperty("credit", out _), lines[0].GetProperty("department").GetProperty("externalId").GetString()));
        Assert.Equal(("2100", 123.45m, false, false), (lines[1].GetProperty("account").GetProperty("externalId").GetString(), lines[1].GetProperty("credit").GetDecimal(),
            lines[1].TryGetProperty("debit", out _), lines[1].TryGetProperty("department", out _)));
        Assert.Equal("JE-US01-USD-1 line 2", lines[1].GetProperty("memo").GetString());
        // Amounts are JSON numbers written from the exact decimal text, never through a double.
        Assert.Contains("\"debit\":123.4500", request.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void D365_journal_is_one_header_with_its_lines_and_ledger_dimension_accounts()
    {
        var request = Assert.IsType<ErpRequest>(Profile("d365-journal-lines").Build(ErpPostingSamples.Journal("JE-DE01-EUR-7", "DE01", "EUR", 80m)).Request);

        Assert.Equal(("POST", "data/LedgerJournalHeaders"), (request.Method, request.Path));
        Assert.Contains(new KeyValuePair<string, string>("Idempotency-Key", "JE-DE01-EUR-7"), request.Headers);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(("demf", "GenJrn", "StreamFinance JE-DE01-EUR-7"),
            (root.GetProperty("dataAreaId").GetString(), root.GetProperty("JournalName").GetString(), root.GetProperty("Description").GetString()));
        var lines = root.GetProperty("LedgerJournalLines").EnumerateArray().ToList();
        Assert.Equal(("6100-CC-1000", 80m, "EUR", "2026-11-26"), (lines[0].GetProperty("AccountDisplayValue").GetString(), lines[0].GetProperty("DebitAmount").GetDecimal(),
            lines[0].GetProperty("CurrencyCode").GetString(), lines[0].GetProperty("TransDate").GetString()));
        Assert.Equal(("2100", 80m, 2), (lines[1].GetProperty("AccountDisplayValue").GetString(), lines[1].GetProperty("CreditAmount").GetDecimal(), lines[1].GetProperty("LineNumber").GetInt32()));
        Assert.False(lines[1].TryGetProperty("DebitAmount", out _));
    }

    [Fact]
    public void SAP_supplier_invoice_is_a_deep_insert_with_purchase_order_items_and_decimals_as_strings()
    {
        var request = Assert.IsType<ErpRequest>(Profile("sap-supplier-invoices").Build(ErpPostingSamples.ApInvoice("AP-SUP-1001-INV-2026-0042")).Request);

        Assert.Equal(("POST", "sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/A_SupplierInvoice"), (request.Method, request.Path));
        Assert.Contains(new KeyValuePair<string, string>("Repeatability-Request-ID", "AP-SUP-1001-INV-2026-0042"), request.Headers);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal(("1010", "2026-11-20T00:00:00", "SUP-1001", "595.0000", "EUR", true),
            (root.GetProperty("CompanyCode").GetString(), root.GetProperty("PostingDate").GetString(), root.GetProperty("InvoicingParty").GetString(),
                root.GetProperty("InvoiceGrossAmount").GetString(), root.GetProperty("DocumentCurrency").GetString(), root.GetProperty("TaxIsCalculatedAutomatically").GetBoolean()));
        var item = Assert.Single(root.GetProperty("to_SuplrInvcItemPurOrdRef").GetProperty("results").EnumerateArray());
        Assert.Equal(("1", "PO-4711", "10", "500.0000", "2.0000", "V19"),
            (item.GetProperty("SupplierInvoiceItem").GetString(), item.GetProperty("PurchaseOrder").GetString(), item.GetProperty("PurchaseOrderItem").GetString(),
                item.GetProperty("SupplierInvoiceItemAmount").GetString(), item.GetProperty("QuantityInPurchaseOrderUnit").GetString(), item.GetProperty("TaxCode").GetString()));
    }

    [Theory]
    [InlineData("netsuite-journal-entries", "services/rest/record/v1/journalEntry/eid:JE-1", "1001", 2026)]
    [InlineData("d365-journal-lines", "data/LedgerJournalHeaders", "GJ-000001", 2026)]
    [InlineData("sap-supplier-invoices", "sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/A_SupplierInvoice", "5105600001", 2026)]
    public void Each_profile_reads_the_document_number_and_fiscal_year_from_its_vendors_answer(string profileName, string path, string number, int fiscalYear)
    {
        var profile = Profile(profileName);
        var record = profile.Source == Topics.ApInvoices ? (Avro.Specific.ISpecificRecord)ErpPostingSamples.ApInvoice("AP-1") : ErpPostingSamples.Journal("JE-1");
        var request = profile.Build(record).Request!;
        var document = new FakeErpDocument(FakeErpDialects.Number(FakeErpDialects.Of("/" + path), 1), "JE-1", FakeErpDialects.Of("/" + path),
            FakeErpDialects.FiscalYear(request.BodyText, DateTimeOffset.UnixEpoch), request.Method, "/" + path, request.BodyText, DateTimeOffset.UnixEpoch);
        var (_, headers, body) = FakeErpDialects.Created(document, "http://erp.example");

        Assert.Equal((number, fiscalYear), profile.DocumentOf(record, body, name => headers.TryGetValue(name, out var v) ? v : null));
    }

    [Theory]
    [InlineData("netsuite-journal-entries", "/services/rest/record/v1/journalEntry/eid:JE-1")]
    [InlineData("d365-journal-lines", "/data/LedgerJournalHeaders")]
    [InlineData("sap-supplier-invoices", "/sap/opu/odata/sap/API_SUPPLIERINVOICE_PROCESS_SRV/A_SupplierInvoice")]
    public void Each_profile_finds_the_erps_message_in_its_vendors_error_shape(string profileName, string path)
    {
        var body = FakeErpDialects.Rejection(FakeErpDialects.Of(path), "Account 6100 is blocked for posting in company US01.");

        Assert.Contains("Account 6100 is blocked for posting in company US01.", Profile(profileName).MessagesOf(body));
    }

    [Fact]
    public void An_error_body_the_profile_cannot_read_is_kept_as_the_message()
    {
        Assert.Equal(["<html>Gateway says no</html>"], Profile("netsuite-journal-entries").MessagesOf("<html>Gateway says no</html>"));
    }

    [Fact]
    public void A_record_missing_a_required_value_is_a_mapping_failure_naming_the_field()
    {
        var profile = new MappingProfileLoader().LoadOutbound("""
            name: strict
            version: 2
            targetSystem: netsuite
            source: erp.journal-postings
            postingId: $.reconciliationId
            request: { method: POST, path: { const: x }, idempotencyHeader: Idempotency-Key }
            body:
              project: { path: "$.lines[0].projectId", required: true }
            answer: { documentNumber: { body: $.id } }
            """, "strict.yaml");

        var failure = Assert.IsType<MappingFailure>(profile.Build(ErpPostingSamples.Journal("JE-9")).Failure);

        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Contains("strict@2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("body.project", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("source: ingest.expenses", "is not a topic the ERP consumes")]
    [InlineData("source: erp.posting-confirmations", "is not a topic the ERP consumes")]
    [InlineData("method: GET", "does not write a document")]
    [InlineData("as: money", "as 'money' is unknown")]
    [InlineData("when: { path: $.side }", "'when' needs 'path' and 'equals'")]
    public void An_invalid_outbound_profile_is_refused_naming_the_file_and_line(string change, string problem)
    {
        var source = change.StartsWith("source", StringComparison.Ordinal) ? change : "source: erp.journal-postings";
        var method = change.StartsWith("method", StringComparison.Ordinal) ? change["method: ".Length..] : "POST";
        var extra = change.StartsWith("as", StringComparison.Ordinal) || change.StartsWith("when", StringComparison.Ordinal) ? ", " + change : "";
        var yaml = $$"""
            name: bad
            version: 1
            targetSystem: netsuite
            {{source}}
            postingId: $.reconciliationId
            request: { method: {{method}}, path: { const: x }, idempotencyHeader: Idempotency-Key }
            body:
              amount: { path: $.totalDebit.amount{{extra}} }
            answer: { documentNumber: { body: $.id } }
            """;

        var error = Assert.Throws<MappingProfileException>(() => new MappingProfileLoader().LoadOutbound(yaml, "bad.yaml"));

        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edited_outbound_profile_applies_without_a_restart_and_a_broken_edit_keeps_the_last_good_one()
    {
        using var folder = new StreamFinance.TestSupport.Files.TempDirectory("outbound");
        var file = Path.Combine(folder.Path, "p.yaml");
        string Yaml(string version, string memo) => $$"""
            name: p
            version: {{version}}
            targetSystem: netsuite
            source: erp.journal-postings
            postingId: $.reconciliationId
            request: { method: POST, path: { const: x }, idempotencyHeader: Idempotency-Key }
            body: { memo: { const: {{memo}} } }
            answer: { documentNumber: { body: $.id } }
            """;
        await File.WriteAllTextAsync(file, Yaml("1", "first"), TestContext.Current.CancellationToken);
        using var catalog = new OutboundProfileCatalog(folder.Path, debounce: TimeSpan.FromMilliseconds(50));
        var journal = ErpPostingSamples.Journal("JE-5");
        Assert.Contains("first", catalog.Get("p").Build(journal).Request!.BodyText, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, Yaml("2", "second"), TestContext.Current.CancellationToken);
        await StreamFinance.TestSupport.Waiting.Wait.UntilAsync("version 2 in force", TimeSpan.FromSeconds(10),
            () => Task.FromResult(catalog.Get("p").ProfileId), id => id == "p@2", id => id);
        Assert.Contains("second", catalog.Get("p").Build(journal).Request!.BodyText, StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, "name: p\nversion: 3\nbody: [", TestContext.Current.CancellationToken);
        var reload = catalog.Reload();
        Assert.Single(reload.Rejected);
        Assert.Equal("p@2", catalog.Get("p").ProfileId);
    }
}
