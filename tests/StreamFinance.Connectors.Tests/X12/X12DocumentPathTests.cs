namespace StreamFinance.Connectors.Tests.X12;

public class X12DocumentPathTests
{
    private static readonly StreamFinance.Connectors.Sources.ISourceDocument Document =
        X12Text.Single(X12Text.PurchaseOrders(X12Text.PurchaseOrder())).Document;

    [Theory]
    [InlineData("BEG03", "PO-US01-000123")]
    [InlineData("BEG05", "20261120")]
    [InlineData("CUR02", "USD")]
    [InlineData("N1[VN]02", "Acme Industrial Supply Inc.")]
    [InlineData("N1[BY]04", "US01")]
    [InlineData("DTM[002]02", "20261204")]
    [InlineData("REF[DP]02", "CC-1020")]
    [InlineData("REF[DP]04-1", "PJ")]
    [InlineData("REF[DP]04-2", "PRJ-ERP-2026")]
    [InlineData("PO107", "AC-1001")]
    [InlineData("PO107-1", "AC-1001")]
    [InlineData("ISA13", "000000001")]
    [InlineData("GS01", "PO")]
    [InlineData("GS06", "1")]
    [InlineData("ST01", "850")]
    [InlineData("ST02", "0001")]
    [InlineData("SE01", "11")]
    public void A_path_reads_the_element_of_the_first_matching_segment(string path, string expected)
    {
        Assert.Equal(expected, Document.Value(path));
    }

    [Theory]
    [InlineData("BEG04")]
    [InlineData("BEG09")]
    [InlineData("N1[ZZ]02")]
    [InlineData("ZZZ01")]
    [InlineData("REF[DP]04-3")]
    [InlineData("IEA01")]
    public void An_absent_or_empty_value_reads_as_null(string path)
    {
        Assert.Null(Document.Value(path));
    }

    [Fact]
    public void A_qualified_path_reads_the_first_segment_with_that_qualifier_even_when_its_element_is_empty()
    {
        var document = X12Text.Single(X12Text.PurchaseOrders(X12Text.PurchaseOrder()
            .Replace("CTT*1", "DTM*010**0800~DTM*010*20261230*0900~CTT*1")
            .Replace("*11*0001~", "*13*0001~"))).Document;

        Assert.Null(document.Value("DTM[010]02"));
        Assert.Equal("0800", document.Value("DTM[010]03"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("BEG")]
    [InlineData("BEG3")]
    [InlineData("beg03")]
    [InlineData("BEG00")]
    [InlineData("BEGIN03")]
    [InlineData("1EG03")]
    [InlineData("N1[]02")]
    [InlineData("N1[ST02")]
    [InlineData("N1ST]02")]
    [InlineData("PO107-0")]
    [InlineData("PO107-x")]
    [InlineData("PO107-")]
    [InlineData("BEG003")]
    public void A_malformed_value_path_is_a_format_error_that_shows_the_syntax(string path)
    {
        var error = Assert.Throws<FormatException>(() => Document.Value(path));

        Assert.Contains($"'{path}' is not an X12 path", error.Message);
        Assert.Contains("N1[ST]02", error.Message);
    }

    [Theory]
    [InlineData("PO101")]
    [InlineData("po1")]
    [InlineData("N1[ST")]
    [InlineData("N1[]")]
    [InlineData("P")]
    public void A_malformed_items_path_is_a_format_error(string path)
    {
        Assert.Throws<FormatException>(() => Document.Items(path));
    }
}
