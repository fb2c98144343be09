using System.Text;
using StreamFinance.Connectors.Sources.Formats;

namespace StreamFinance.Connectors.Tests.Formats;

public class JsonPathFilterTests
{
    // Shaped like Ramp's accounting_field_selections: an array of objects told apart by a nested field.
    private static readonly JsonSourceDocument Document = JsonSourceDocument.Parse(Encoding.UTF8.GetBytes("""
        {"accounting_field_selections":[
           {"category_info":{"external_id":"gl_account","type":"GL_ACCOUNT"},"external_id":"650200"},
           {"category_info":{"external_id":"cost_center","type":"OTHER"},"external_id":"CC-1020","rank":2},
           {"category_info":{"external_id":"project","type":"OTHER"},"external_id":"PRJ-9","rank":2.0,"billable":true}],
         "lines":[{"kind":"goods","qty":2,"sku":"A"},{"kind":"service","amount":"150.00"},{"kind":"goods","qty":1,"sku":"B","note":null}]}
        """));

    [Theory]
    [InlineData("$.accounting_field_selections[?(@.category_info.external_id=='cost_center')].external_id", "CC-1020")]
    [InlineData("$.accounting_field_selections[?(@.category_info.external_id == \"project\")].external_id", "PRJ-9")]
    [InlineData("$.accounting_field_selections[?(@.category_info['type']=='GL_ACCOUNT')].external_id", "650200")]
    [InlineData("$.accounting_field_selections[?(@.rank==2)].external_id", "CC-1020")]
    [InlineData("$.accounting_field_selections[?(@.billable==true)].external_id", "PRJ-9")]
    [InlineData("$.accounting_field_selections[?(@.category_info.type!='OTHER')].external_id", "650200")]
    [InlineData("$.accounting_field_selections[?(@.rank)].category_info.external_id", "cost_center")]
    [InlineData("$.accounting_field_selections[?(@.category_info.external_id=='department')].external_id", null)]
    [InlineData("$.lines[?(@.kind=='service')].amount", "150.00")]
    public void A_filter_selects_array_elements_by_a_nested_field_and_a_value_reads_the_first_match(string path, string? expected) =>
        Assert.Equal(expected, Document.Value(path));

    [Fact]
    public void Items_of_a_filtered_path_are_every_matching_element_in_order()
    {
        Assert.Equal(["A", "B"], Document.Items("$.lines[?(@.kind=='goods')]").Select(i => i.Value("$.sku")));
        Assert.Equal(["A"], Document.Items("$.lines[?(@.qty==2)]").Select(i => i.Value("$.sku")));
        Assert.Equal(["A", "150.00"], Document.Items("$.lines[?(@.note!=null)]").Select(i => i.Value("$.sku") ?? i.Value("$.amount")));
        Assert.Empty(Document.Items("$.lines[?(@.kind=='rental')]"));
    }

    [Theory]
    [InlineData("$.a[?(@.b=='x')", "without its closing ')]'")]
    [InlineData("$.a[?(@.b=='x]", "without its closing ')]'")]
    [InlineData("$.a[?(@.b==x)]", "'x' is not a value")]
    [InlineData("$.a[?(.b=='x')]", "bad filter")]
    [InlineData("$.a[?(@.b[?(@.c==1)]==1)]", "filter")]
    [InlineData("$.a[?(@..b==1)]", "empty member name")]
    public void A_malformed_filter_is_refused_naming_the_path_and_the_problem(string path, string problem)
    {
        var message = Assert.Throws<FormatException>(() => JsonPath.Parse(path)).Message;

        Assert.Contains(path, message);
        Assert.Contains(problem, message);
    }
}
