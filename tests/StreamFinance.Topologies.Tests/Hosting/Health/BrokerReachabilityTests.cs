using Confluent.Kafka;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Kafka.Hosting.Health;
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

    private static string Statistics(string client, params (string Name, string State)[] entries)
    {
        var brokers = entries.Select(e => $"\"{e.Name}\":{{\"name\":\"{e.Name}\",\"nodeid\":1,\"state\":\"{e.State}\"}}");
        return $"{{\"client_id\":\"{client}\",\"type\":\"consumer\",\"brokers\":{{{string.Join(",", brokers)}}}}}";
    }
}
