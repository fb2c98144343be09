using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts;

namespace StreamFinance.Connectors.Tests.Profiles;

public class ExploreTests
{
    [Theory]
    [InlineData("concur-expense-entries", "concur/expense-entries-page-1.json")]
    [InlineData("expensify-report-export", "expensify/report-export.json")]
    [InlineData("ramp-card-transactions", "ramp/transactions-page-1.json")]
    [InlineData("brex-card-transactions", "brex/card-transactions-page-1.json")]
    [InlineData("coupa-purchase-orders", "coupa/purchase-orders.json")]
    [InlineData("coupa-invoices", "coupa/invoices.json")]
    [InlineData("sap-cost-centers", "sap/cost-centers.csv")]
    [InlineData("sap-suppliers", "sap/suppliers.csv")]
    [InlineData("sap-gl-accounts", "sap/gl-accounts.csv")]
    [InlineData("netsuite-employees", "netsuite/employees.csv")]
    [InlineData("netsuite-projects", "netsuite/projects.csv")]
    [InlineData("d365-legal-entities", "d365/legal-entities.json")]
    [InlineData("d365-exchange-rates", "d365/exchange-rates.json")]
    public void Explore(string profile, string sample)
    {
        foreach (var (read, mapped) in ProfileSamples.Map(profile, sample))
        {
            if (read.Failure is not null)
                TestContext.Current.TestOutputHelper!.WriteLine($"PARSE {read.Failure.Message}");
            else if (mapped!.Failure is not null)
                TestContext.Current.TestOutputHelper!.WriteLine($"FAIL {mapped.Failure.Reason.Code} {mapped.Failure.Field} {mapped.Failure.Message}");
            else
                TestContext.Current.TestOutputHelper!.WriteLine($"OK {mapped.Record!.Key} {AvroJsonWriter.ToJson(mapped.Record.Value)}");
        }
    }
}
