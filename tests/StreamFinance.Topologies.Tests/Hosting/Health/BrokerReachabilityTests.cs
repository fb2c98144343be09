using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Kafka.Hosting.Health;
using StreamFinance.Kafka.Observability.Kafka;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Topologies.Tests.Hosting.Health;

public sealed class BrokerReachabilityTests
{
    private static readonly Error AllDown = new(ErrorCode.Local_AllBrokersDown, "3/3 brokers are down");
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
    private readonly BrokerReachability brokers;

    public BrokerReachabilityTests() => brokers = new BrokerReachability(clock, TimeSpan.FromSeconds(30));

    [Fact]
    public void A_client_reporting_all_brokers_down_makes_an_outage_that_says_so_and_since_when()
    {
        var since = clock.GetUtcNow();
        brokers.OnError("consumer-1", AllDown);
        clock.Advance(TimeSpan.FromSeconds(12));

        var outage = brokers.Outage();

        Assert.Equal(new BrokerOutage(since, "3/3 brokers are down"), outage);
        Assert.Equal("Kafka unreachable for 12 s: 3/3 brokers are down", outage!.Describe(clock.GetUtcNow()));
    }

    [Fact]
    public void Other_client_errors_are_no_outage()
    {
        brokers.OnError("consumer-1", new Error(ErrorCode.Local_Transport, "127.0.0.1:9092/1: Disconnected"));

        Assert.Null(brokers.Outage());
    }

    [Fact]
    public void One_client_connected_to_a_broker_ends_the_outage_whatever_the_others_last_said()
    {
        brokers.OnError("consumer-1", AllDown);
        brokers.OnError("producer-1", AllDown);
        clock.Advance(TimeSpan.FromSeconds(5));

        brokers.OnStatistics("producer-1", Statistics("producer-1", ("127.0.0.1:9092/1", "UP"), ("127.0.0.1:9093/2", "DOWN")));

        Assert.Null(brokers.Outage());
    }

    [Fact]
    public void Statistics_of_a_client_connected_to_none_of_the_brokers_it_needs_report_an_outage_but_brokers_never_needed_do_not()
    {
        brokers.OnStatistics("idle-producer", Statistics("idle-producer", ("127.0.0.1:9092/1", "INIT"), ("127.0.0.1:9093/2", "INIT")));
        Assert.Null(brokers.Outage());

        brokers.OnStatistics("consumer-1", Statistics("consumer-1", ("127.0.0.1:9092/1", "TRY_CONNECT"), ("GroupCoordinator", "DOWN"), ("127.0.0.1:9093/2", "INIT")));

        Assert.Equal("consumer-1 is connected to none of the 2 brokers it needs", brokers.Outage()?.Reason);
    }

    [Fact]
    public void Librdkafka_words_for_an_outage_stay_while_later_statistics_confirm_it()
    {
        var since = clock.GetUtcNow();
        brokers.OnError("consumer-1", AllDown);
        clock.Advance(TimeSpan.FromSeconds(10));
        brokers.OnStatistics("consumer-1", Statistics("consumer-1", ("127.0.0.1:9092/1", "CONNECT")));
        brokers.OnProbe(false, "no broker answered within 2 s");

        Assert.Equal(new BrokerOutage(since, "3/3 brokers are down"), brokers.Outage());
    }

    [Fact]
    public void A_report_older_than_its_freshness_no_longer_counts()
    {
        brokers.OnError("consumer-1", AllDown);
        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Null(brokers.Outage());
    }

    [Fact]
    public void A_probe_that_a_broker_answered_ends_the_outage()
    {
        brokers.OnError("consumer-1", AllDown);

        brokers.OnProbe(true, "");

        Assert.Null(brokers.Outage());
    }

    [Fact]
    public void Partitions_a_consumer_fetches_whose_leader_it_cannot_reach_while_others_answer_are_a_partial_outage_after_two_reports()
    {
        var since = clock.GetUtcNow();
        // As librdkafka reports a broker that went down: its entry back in INIT, its partitions delegated to no broker (-1).
        var report = Partial("consumer-1", [(1, "UP"), (2, "INIT"), (3, "UP")], [(0, 1, 1, "active"), (1, 2, -1, "active"), (4, 2, -1, "active"), (5, 2, -1, "none")]);
        brokers.OnStatistics("consumer-1", report);
        Assert.Null(brokers.Degradation());

        clock.Advance(TimeSpan.FromSeconds(9));
        brokers.OnStatistics("consumer-1", report);

        var degradation = brokers.Degradation();
        Assert.Equal(new BrokerDegradation(since, [new BrokerWait("2", 2)]), degradation);
        Assert.Equal("Kafka partly unreachable for 9 s: broker 2 is down (2 partitions wait on it)", degradation!.Describe(clock.GetUtcNow()));
        Assert.Null(brokers.Outage());
    }

    [Fact]
    public void A_coordinator_that_cannot_be_reached_is_named_by_its_broker()
    {
        var report = Partial("consumer-1", [(1, "UP"), (2, "INIT"), (3, "UP")], [(1, 2, -1, "active")], coordinator: (2, "TRY_CONNECT"));

        brokers.OnStatistics("consumer-1", report);
        brokers.OnStatistics("consumer-1", report);

        Assert.Equal("broker 2 is down (1 partition and the coordinator wait on it)", brokers.Degradation()!.Describe(clock.GetUtcNow()).Split(": ")[1]);
    }

    [Fact]
    public void A_producer_waits_only_on_leaders_of_partitions_it_has_messages_for()
    {
        var idle = Partial("producer-1", [(1, "UP"), (2, "INIT")], [(0, 2, -1, null)], queued: 0);
        brokers.OnStatistics("producer-1", idle);
        brokers.OnStatistics("producer-1", idle);
        Assert.Null(brokers.Degradation());

        var queued = Partial("producer-1", [(1, "UP"), (2, "INIT")], [(0, 2, -1, null)], queued: 12);
        brokers.OnStatistics("producer-1", queued);
        brokers.OnStatistics("producer-1", queued);

        Assert.Equal([new BrokerWait("2", 1)], brokers.Degradation()!.Brokers);
    }

    [Fact]
    public void A_partial_outage_ends_with_the_first_report_that_reaches_every_broker_it_needs_and_names_every_broker_still_down()
    {
        var twoDown = Partial("consumer-1", [(1, "CONNECT"), (2, "INIT"), (3, "UP")], [(0, 1, -1, "active"), (1, 2, -1, "active"), (2, 2, -1, "active"), (3, 3, 3, "active")]);
        brokers.OnStatistics("consumer-1", twoDown);
        brokers.OnStatistics("consumer-1", twoDown);
        Assert.Equal("brokers 1, 2 are down (3 partitions wait on them)", brokers.Degradation()!.Describe(clock.GetUtcNow()).Split(": ")[1]);

        brokers.OnStatistics("consumer-1", Partial("consumer-1", [(1, "UP"), (2, "UP"), (3, "UP")], [(0, 1, 1, "active"), (1, 2, 2, "active")]));

        Assert.Null(brokers.Degradation());
    }

    [Fact]
    public void A_partial_outage_reported_by_a_client_that_fell_silent_expires_with_its_freshness()
    {
        var report = Partial("consumer-1", [(1, "UP"), (2, "INIT")], [(0, 2, -1, "active")]);
        brokers.OnStatistics("consumer-1", report);
        brokers.OnStatistics("consumer-1", report);

        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Null(brokers.Degradation());
    }

    /// <summary>A statistics report: brokers by node id and state; partitions of topic t with leader, delegated broker and fetch state.</summary>
    private static string Partial(string client, (int Node, string State)[] nodes, (int Partition, int Leader, int Broker, string? Fetch)[] partitions,
        (int Node, string State)? coordinator = null, int queued = 0)
    {
        var brokers = nodes.Select(n => $"\"127.0.0.1:{9091 + n.Node}/{n.Node}\":{{\"nodename\":\"127.0.0.1:{9091 + n.Node}\",\"nodeid\":{n.Node},\"state\":\"{n.State}\"}}").ToList();
        if (coordinator is { } c)
            brokers.Add($"\"GroupCoordinator\":{{\"nodename\":\"127.0.0.1:{9091 + c.Node}\",\"nodeid\":-1,\"state\":\"{c.State}\"}}");
        var parts = partitions.Select(p =>
            $"\"{p.Partition}\":{{\"partition\":{p.Partition},\"leader\":{p.Leader},\"broker\":{p.Broker},\"msgq_cnt\":{queued},\"xmit_msgq_cnt\":0" +
            (p.Fetch is null ? "" : $",\"fetch_state\":\"{p.Fetch}\"") + "}");
        return $"{{\"client_id\":\"{client}\",\"brokers\":{{{string.Join(",", brokers)}}},\"topics\":{{\"t\":{{\"partitions\":{{{string.Join(",", parts)}}}}}}}}}";
    }

    private static string Statistics(string client, params (string Name, string State)[] entries)
    {
        var brokers = entries.Select(e => $"\"{e.Name}\":{{\"name\":\"{e.Name}\",\"nodeid\":1,\"state\":\"{e.State}\"}}");
        return $"{{\"client_id\":\"{client}\",\"type\":\"consumer\",\"brokers\":{{{string.Join(",", brokers)}}}}}";
    }
}
