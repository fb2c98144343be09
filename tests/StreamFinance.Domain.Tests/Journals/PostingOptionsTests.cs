using StreamFinance.Domain.Journals;

namespace StreamFinance.Domain.Tests.Journals;

public class PostingOptionsTests
{
    [Fact]
    public void Default_options_are_valid_with_hourly_windows_and_ten_minutes_grace()
    {
        var options = PostingOptions.Default();

        Assert.Empty(options.Validate());
        Assert.Equal((TimeSpan.FromHours(1), TimeSpan.FromMinutes(10)), (options.WindowSize, options.GracePeriod));
    }

    [Fact]
    public void A_window_size_that_does_not_divide_a_day_is_refused_with_examples()
    {
        var problem = Assert.Single(new PostingOptions { WindowSize = TimeSpan.FromMinutes(7) }.Validate());

        Assert.Contains("Posting:WindowSize", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_roles_sharing_one_account_and_an_empty_account_are_refused()
    {
        var problems = new PostingOptions { CardClearingAccount = "2100", IntercompanyDueToAccount = " " }.Validate().ToList();

        Assert.Contains(problems, p => p.Contains("EmployeePayableAccount and CardClearingAccount", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("IntercompanyDueToAccount is empty", StringComparison.Ordinal));
    }
}
