using Microsoft.Extensions.Time.Testing;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Runtime.Supervision;
using StreamFinance.Host.Tests.Support;

namespace StreamFinance.Host.Tests.Runtime.Supervision;

public sealed class RestartPolicyTests
{
    private static readonly TopologyTrouble Failed = new(RestartReason.Error, "its stream is in state ERROR");
    private static readonly TopologyTrouble Stalled = new(RestartReason.Stalled, "stalled: no record processed for 61 s while 3 records wait on ingest.expenses");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly RestartPolicy policy;

    public RestartPolicyTests() =>
        policy = new RestartPolicy(new SupervisionOptions { FirstRestartDelaySeconds = 1, MaxRestartDelaySeconds = 60, StableSeconds = 300 }, clock);

    [Fact]
    public void The_first_restart_comes_one_second_after_the_trouble_was_seen()
    {
        Assert.Null(policy.Check(Failed, running: false));
        clock.Advance(TimeSpan.FromSeconds(0.9));
        Assert.Null(policy.Check(Failed, running: false));
        clock.Advance(TimeSpan.FromSeconds(0.1));

        var restart = policy.Check(Failed, running: false);

        Assert.NotNull(restart);
        Assert.Equal((Failed, 1, TimeSpan.FromSeconds(1)), (restart.Trouble, restart.Attempt, restart.Waited));
        Assert.Equal(1, policy.RestartsInARow);
    }

    [Fact]
    public void Each_restart_in_a_row_waits_twice_as_long_as_the_one_before_up_to_a_minute()
    {
        var waited = new List<double>();
        for (var restart = 0; restart < 9; restart++)
        {
            var seen = clock.GetUtcNow();
            RestartDecision? decision;
            while ((decision = policy.Check(Stalled, running: true)) is null)
                clock.Advance(TimeSpan.FromSeconds(0.5));
            waited.Add((clock.GetUtcNow() - seen).TotalSeconds);
            Assert.Equal(restart + 1, decision.Attempt);
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60, 60], waited);
    }

    [Fact]
    public void A_stream_that_runs_without_trouble_for_the_stable_period_starts_again_from_the_first_delay()
    {
        RestartTimes(3);
        Assert.Equal(TimeSpan.FromSeconds(8), policy.DelayBefore(policy.RestartsInARow + 1));

        policy.Check(null, running: true);
        clock.Advance(TimeSpan.FromSeconds(299));
        policy.Check(null, running: true);
        Assert.Equal(3, policy.RestartsInARow);
        clock.Advance(TimeSpan.FromSeconds(1));
        policy.Check(null, running: true);

        Assert.Equal(0, policy.RestartsInARow);
        policy.Check(Failed, running: false);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, policy.Check(Failed, running: false)!.Attempt);
    }

    [Fact]
    public void A_stream_that_is_not_running_does_not_count_towards_the_stable_period()
    {
        RestartTimes(2);

        for (var i = 0; i < 10; i++)
        {
            policy.Check(null, running: false);
            clock.Advance(TimeSpan.FromSeconds(60));
        }
        policy.Check(null, running: true);
        clock.Advance(TimeSpan.FromSeconds(200));
        policy.Check(null, running: true);

        Assert.Equal(2, policy.RestartsInARow);
    }

    [Fact]
    public void Trouble_that_clears_before_its_delay_restarts_nothing_and_leaves_nothing_pending()
    {
        RestartTimes(2);
        Assert.Null(policy.Check(Stalled, running: true));
        Assert.Equal(new PendingRestart(Stalled, 3, clock.GetUtcNow().AddSeconds(4)), policy.Pending);

        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Null(policy.Check(null, running: true));
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(policy.Check(null, running: true));
        Assert.Null(policy.Pending);
    }

    private void RestartTimes(int count)
    {
        for (var i = 0; i < count; i++)
        {
            while (policy.Check(Failed, running: false) is null)
                clock.Advance(TimeSpan.FromSeconds(1));
        }
    }
}
