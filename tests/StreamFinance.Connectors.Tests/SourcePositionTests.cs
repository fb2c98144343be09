using StreamFinance.Connectors.Sources;

namespace StreamFinance.Connectors.Tests;

public class SourcePositionTests
{
    [Fact]
    public void A_file_position_reads_as_file_and_line()
    {
        Assert.Equal("expenses.csv:42", new SourcePosition("expenses.csv", 42).ToString());
    }

    [Fact]
    public void A_cursor_position_names_the_cursor()
    {
        Assert.Equal("/v3/expenses#7 (cursor abc)", new SourcePosition("/v3/expenses", 7, "abc").ToString());
    }
}
