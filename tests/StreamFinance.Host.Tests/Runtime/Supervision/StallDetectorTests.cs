using Microsoft.Extensions.Time.Testing;
using StreamFinance.Host.Runtime.Supervision;
using StreamFinance.Host.Tests.Support;

namespace StreamFinance.Host.Tests.Runtime.Supervision;

public sealed class StallDetectorTests
{
    private const string Expenses = "ingest.expenses";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_topology_that_processes_nothing_for_the_stall_time_while_records_wait_is_stalled()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(60), clock);

        Assert.Null(detector.Observe(100, Waiting(968)));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(detector.Observe(100, Waiting(968)));
        clock.Advance(TimeSpan.FromSeconds(15));
        var stall = detector.Observe(100, Waiting(968));

        Assert.NotNull(stall);
        Assert.Equal(TimeSpan.FromSeconds(74), stall.Quiet);
        Assert.Same(stall, detector.Current);
        Assert.Equal("stalled: no record processed for 74 s while 968 records wait on ingest.expenses", stall.Describe());
    }

    [Fact]
    public void A_topology_that_keeps_processing_is_never_stalled_however_long_records_wait()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(60), clock);

        for (var mark = 0; mark < 20; mark++)
        {
            Assert.Null(detector.Observe(mark, Waiting(5000)));
            clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Null(detector.Current);
    }

    [Fact]
    public void An_idle_topology_is_not_stalled_the_moment_a_record_arrives()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(60), clock);
        detector.Observe(100, Waiting(0));
        clock.Advance(TimeSpan.FromSeconds(3600));
        Assert.Null(detector.Observe(100, Waiting(0)));

        Assert.Null(detector.Observe(100, Waiting(1)));
        clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(detector.Observe(100, Waiting(1)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(detector.Observe(100, Waiting(1)));
    }

    [Fact]
    public void A_topology_with_nothing_waiting_is_not_stalled_and_a_backlog_that_drains_ends_a_stall()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(10), clock);
        detector.Observe(7, Waiting(3));
        clock.Advance(TimeSpan.FromSeconds(11));
        Assert.NotNull(detector.Observe(7, Waiting(3)));

        Assert.Null(detector.Observe(7, Waiting(0)));
        Assert.Null(detector.Current);
    }

    [Fact]
    public void Progress_is_any_change_of_the_mark_and_the_quiet_time_counts_from_it()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(10), clock);
        detector.Observe(50, Waiting(9));
        clock.Advance(TimeSpan.FromSeconds(8));
        Assert.True(detector.Progressed(42));
        detector.Observe(42, Waiting(9));
        clock.Advance(TimeSpan.FromSeconds(8));

        Assert.False(detector.Progressed(42));
        Assert.Null(detector.Observe(42, Waiting(9)));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(10), detector.Observe(42, Waiting(9))!.Quiet);
    }

    [Fact]
    public void Reset_gives_a_new_stream_the_whole_stall_time()
    {
        var detector = new StallDetector(TimeSpan.FromSeconds(10), clock);
        detector.Observe(1, Waiting(4));
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.NotNull(detector.Observe(1, Waiting(4)));

        detector.Reset();

        Assert.Null(detector.Current);
        Assert.True(detector.Progressed(1));
        Assert.Null(detector.Observe(1, Waiting(4)));
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Null(detector.Observe(1, Waiting(4)));
    }

    [Fact]
    public void Zero_seconds_turns_detection_off()
    {
        var detector = new StallDetector(TimeSpan.Zero, clock);
        detector.Observe(1, Waiting(4));
        clock.Advance(TimeSpan.FromSeconds(86_400));

        Assert.False(detector.Enabled);
        Assert.Null(detector.Observe(1, Waiting(4)));
    }

    [Fact]
    public void The_description_names_every_topic_with_waiting_records_largest_first()
    {
        var stall = new Stall(TimeSpan.FromSeconds(61.4), new Dictionary<string, long> { ["expense.approved"] = 3, [Expenses] = 968, ["md.history"] = 0 });

        Assert.Equal("stalled: no record processed for 61 s while 968 records wait on ingest.expenses and 3 on expense.approved", stall.Describe());
        Assert.Equal("stalled: no record processed for 5 s while 1 record waits on ingest.expenses",
            new Stall(TimeSpan.FromSeconds(5), Waiting(1)).Describe());
    }

    private static Dictionary<string, long> Waiting(long records) => new() { [Expenses] = records };
}
