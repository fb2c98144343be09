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
    public void A_broker_down_with_partitions_waiting_on_it_while_others_answer_is_a_partial_outage_after_two_reports()
    {
        var since = clock.GetUtcNow();
        var report = Partial("producer-1", ("127.0.0.1:9092/1", 1, "UP", 2), ("127.0.0.1:9093/2", 2, "TRY_CONNECT", 3), ("127.0.0.1:9094/3", 3, "UP", 1));
        brokers.OnStatistics("producer-1", report);
        Assert.Null(brokers.Degradation());

        clock.Advance(TimeSpan.FromSeconds(9));
        brokers.OnStatistics("producer-1", report);

        var degradation = brokers.Degradation();
        Assert.Equal(new BrokerDegradation(since, [new BrokerWait("2", 3)]), degradation);
        Assert.Equal("Kafka partly unreachable for 9 s: broker 2 is down and 3 partitions wait on it", degradation!.Describe(clock.GetUtcNow()));
        Assert.Null(brokers.Outage());
    }

    [Fact]
    public void A_broker_that_is_down_but_leads_none_of_the_clients_partitions_is_no_partial_outage()
    {
        var report = Partial("consumer-1", ("127.0.0.1:9092/1", 1, "UP", 3), ("127.0.0.1:9093/2", 2, "DOWN", 0), ("GroupCoordinator", -1, "UP", 0));

        brokers.OnStatistics("consumer-1", report);
        clock.Advance(TimeSpan.FromSeconds(1));
        brokers.OnStatistics("consumer-1", report);

        Assert.Null(brokers.Degradation());
    }

    [Fact]
    public void A_partial_outage_ends_with_the_first_report_that_reaches_every_broker_it_needs_and_names_every_broker_still_down()
    {
        var twoDown = Partial("consumer-1", ("127.0.0.1:9092/1", 1, "CONNECT", 1), ("127.0.0.1:9093/2", 2, "DOWN", 2), ("127.0.0.1:9094/3", 3, "UP", 1));
        brokers.OnStatistics("consumer-1", twoDown);
        brokers.OnStatistics("consumer-1", twoDown);
        Assert.Equal("brokers 1, 2 are down and 3 partitions wait on them", brokers.Degradation()!.Describe(clock.GetUtcNow()).Split(": ")[1]);

        brokers.OnStatistics("consumer-1", Partial("consumer-1", ("127.0.0.1:9092/1", 1, "UP", 2), ("127.0.0.1:9093/2", 2, "UP", 2)));

        Assert.Null(brokers.Degradation());
    }

    [Fact]
    public void A_partial_outage_reported_by_a_client_that_fell_silent_expires_with_its_freshness()
    {
        var report = Partial("producer-1", ("127.0.0.1:9092/1", 1, "UP", 1), ("127.0.0.1:9093/2", 2, "DOWN", 1));
        brokers.OnStatistics("producer-1", report);
        brokers.OnStatistics("producer-1", report);

        clock.Advance(TimeSpan.FromSeconds(31));

        Assert.Null(brokers.Degradation());
    }

    private static string Partial(string client, params (string Name, int Node, string State, int Partitions)[] entries)
    {
        var brokers = entries.Select(e =>
            $"\"{e.Name}\":{{\"name\":\"{e.Name}\",\"nodeid\":{e.Node},\"state\":\"{e.State}\",\"toppars\":{{{string.Join(",", Enumerable.Range(0, e.Partitions).Select(p => $"\"t-{e.Node}-{p}\":{{\"topic\":\"t\",\"partition\":{p}}}"))}}}}}");
        return $"{{\"client_id\":\"{client}\",\"type\":\"producer\",\"brokers\":{{{string.Join(",", brokers)}}}}}";
    }

    private static string Statistics(string client, params (string Name, string State)[] entries)
    {
        var brokers = entries.Select(e => $"\"{e.Name}\":{{\"name\":\"{e.Name}\",\"nodeid\":1,\"state\":\"{e.State}\"}}");
        return $"{{\"client_id\":\"{client}\",\"type\":\"consumer\",\"brokers\":{{{string.Join(",", brokers)}}}}}";
    }
}
