namespace StreamFinance.Connectors.Tests.X12;

/// <summary>
/// <c>SEG{p}nn</c> reads the value paired with qualifier <c>p</c> at qualifier positions nn, nn+2, ...: a PO1's
/// product/service ids (PO106/PO107, PO108/PO109, ...) and a PER's communication numbers (PER03/PER04, ...), wherever
/// the sender put them.
/// </summary>
public class X12PairPathTests
{
    private static readonly StreamFinance.Connectors.Sources.ISourceDocument Document = X12Text.Single(X12Text.PurchaseOrders(X12Text.Set("850", "0001",
    [
        "BEG*00*NE*PO-1**20261120",
        "PER*IC*Receiving*TE*5550100",
        "PER*BD*JSMITH*TE*4155550123*EM*J.Smith@example.com",
        "PO1*1*10*EA*12.50**VP*AC-1001*BP*US01-MAT-001*CG*46181504",
        "PO1*2*4*UN*86.00**CG*44103112*VP*CG",
    ]))).Document;

    [Theory]
    [InlineData("PO1{CG}06", "46181504")]
    [InlineData("PO1{VP}06", "AC-1001")]
    [InlineData("PO1{BP}06", "US01-MAT-001")]
    [InlineData("PER[BD]{EM}03", "J.Smith@example.com")]
    [InlineData("PER[BD]{TE}03", "4155550123")]
    [InlineData("PER{TE}03", "5550100")]
    public void A_pair_path_reads_the_value_after_its_qualifier_at_any_pair_position(string path, string expected)
    {
        Assert.Equal(expected, Document.Value(path));
    }

    [Fact]
    public void A_pair_path_looks_only_at_qualifier_positions_so_a_unit_or_an_id_equal_to_the_qualifier_is_not_taken()
    {
        var second = Document.Items("PO1")[1];

        Assert.Equal("44103112", second.Value("PO1{CG}06"));
        Assert.Null(second.Value("PO1{UN}06"));
        Assert.Null(Document.Value("PO1{ZZ}06"));
        Assert.Null(Document.Value("PER[BD]{FX}03"));
    }

    [Theory]
    [InlineData("PO1{}06")]
    [InlineData("PO1{CG06")]
    [InlineData("PO1{C{G}06")]
    public void A_malformed_pair_path_is_refused_with_the_syntax(string path)
    {
        var error = Assert.Throws<FormatException>(() => Document.Value(path));
        Assert.Contains("SEG{pair qualifier}nn", error.Message, StringComparison.Ordinal);
    }
}
