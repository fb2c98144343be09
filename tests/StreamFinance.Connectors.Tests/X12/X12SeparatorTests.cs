namespace StreamFinance.Connectors.Tests.X12;

public class X12SeparatorTests
{
    [Theory]
    [InlineData('*', '>', '^', '~')]
    [InlineData('|', '^', '{', '~')]
    [InlineData('|', ':', '^', '\n')]
    [InlineData('!', ':', '#', '\'')]
    [InlineData('\x1D', '\x1F', '\x1E', '\x1C')]
    public void Separators_are_taken_from_the_ISA_segment(char element, char component, char repetition, char terminator)
    {
        var text = X12Text.WithSeparators(X12Text.PurchaseOrders(X12Text.PurchaseOrder()), element, component, repetition, terminator);

        var record = X12Text.Single(text);

        Assert.Equal("PO-US01-000123", record.Document.Value("BEG03"));
        Assert.Equal("PRJ-ERP-2026", record.Document.Value("REF[DP]04-2"));
        Assert.Equal("SUP-0001", record.Document.Value("N1[VN]04"));
        Assert.StartsWith($"ST{element}850{element}0001{terminator}", X12Text.Text(record.Raw));
        Assert.EndsWith($"SE{element}11{element}0001{terminator}", X12Text.Text(record.Raw));
    }

    [Fact]
    public void Line_breaks_after_segment_terminators_are_tolerated()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder()).Replace("~", "~\r\n");

        var record = X12Text.Single(text);

        Assert.Equal("PO-US01-000123", record.Document.Value("BEG03"));
        Assert.Equal("USD", record.Document.Value("CUR02"));
        Assert.EndsWith("SE*11*0001~", X12Text.Text(record.Raw));
    }

    [Fact]
    public void Each_interchange_in_a_payload_uses_its_own_separators()
    {
        var first = X12Text.PurchaseOrders(X12Text.PurchaseOrder(number: "PO-A"));
        var second = X12Text.WithSeparators(X12Text.PurchaseOrders(X12Text.PurchaseOrder(number: "PO-B")), '|', ':', '{', '\n');

        var results = X12Text.Read(first + "\n" + second);

        Assert.Equal(["PO-A", "PO-B"], results.Select(r => r.Record!.Document.Value("BEG03")));
    }

    [Fact]
    public void A_repetition_separator_declared_in_ISA11_splits_repeated_elements_and_the_first_repetition_is_read()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder().Replace("CUR*BY*USD", "CUR*BY*USD^EUR"));

        Assert.Equal("USD", X12Text.Single(text).Document.Value("CUR02"));
    }

    [Fact]
    public void An_ISA11_standards_identifier_U_is_not_a_repetition_separator()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder().Replace("CUR*BY*USD", "CUR*BY*USD^EUR"))
            .Replace("*^*00501*", "*U*00401*");

        Assert.Equal("USD^EUR", X12Text.Single(text).Document.Value("CUR02"));
    }

    [Fact]
    public void Padding_spaces_of_ISA_elements_are_trimmed()
    {
        var record = X12Text.Single(X12Text.PurchaseOrders(X12Text.PurchaseOrder()));

        Assert.Equal("STREAMFINUS01", record.Document.Value("ISA06"));
        Assert.Equal("SUPPLIERNET", record.Document.Value("ISA08"));
        Assert.Null(record.Document.Value("ISA02"));
    }

    [Fact]
    public void A_byte_order_mark_and_blank_lines_before_the_ISA_are_skipped()
    {
        var payload = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(X12Text.Bytes("\r\n\r\n" + X12Text.PurchaseOrders(X12Text.PurchaseOrder()) + "\r\n")).ToArray();

        var result = Assert.Single(X12Text.Read(payload));

        Assert.Equal("PO-US01-000123", result.Record!.Document.Value("BEG03"));
    }
}
