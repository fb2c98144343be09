using StreamFinance.Connectors.Runtime;

namespace StreamFinance.Connectors.Tests.Runtime;

public class OffsetTrackerTests
{
    [Fact]
    public void Committable_line_stops_before_the_first_unacknowledged_record()
    {
        var tracker = new OffsetTracker();
        var tickets = Enumerable.Range(1, 5).Select(line => tracker.Begin(line * 10)).ToList();

        tracker.Complete(tickets[0]);
        tracker.Complete(tickets[2]);
        tracker.Complete(tickets[3]);

        Assert.Equal(10, tracker.CommittableLine);
        Assert.Equal(2, tracker.InFlight);
    }

    [Fact]
    public void Acknowledging_the_gap_advances_over_every_record_acknowledged_after_it()
    {
        var tracker = new OffsetTracker();
        var tickets = Enumerable.Range(1, 4).Select(line => tracker.Begin(line)).ToList();
        tracker.Complete(tickets[3]);
        tracker.Complete(tickets[2]);
        Assert.Equal(0, tracker.CommittableLine);

        tracker.Complete(tickets[0]);
        tracker.Complete(tickets[1]);

        Assert.Equal(4, tracker.CommittableLine);
        Assert.Equal(0, tracker.InFlight);
    }

    [Fact]
    public void Starts_from_the_committed_line_of_a_resumed_source()
    {
        var tracker = new OffsetTracker(committedLine: 40);
        Assert.Equal(40, tracker.CommittableLine);
        tracker.Complete(tracker.Begin(41));
        Assert.Equal(41, tracker.CommittableLine);
    }

    [Fact]
    public void Completing_a_record_twice_is_refused()
    {
        var tracker = new OffsetTracker();
        var ticket = tracker.Begin(1);
        tracker.Complete(ticket);
        Assert.Throws<InvalidOperationException>(() => tracker.Complete(ticket));
    }
}
