using StreamFinance.Kafka.Observability.Kafka;

namespace StreamFinance.Topologies.Tests.Observability;

public sealed class LibrdKafkaStatisticsTests
{
    // Shapes as in librdkafka's STATISTICS.md, trimmed to the fields StreamFinance reads plus some it ignores.
    public const string ConsumerJson = """
        {"name":"streamfinance-reader#consumer-1","client_id":"streamfinance-reader","type":"consumer","msg_cnt":0,"msg_size":0,
         "brokers":{
           "127.0.0.1:9092/bootstrap":{"nodeid":-1,"txerrs":9,"rxerrs":9,"req_timeouts":9},
           "127.0.0.1:9092/1":{"nodeid":1,"txerrs":1,"rxerrs":2,"req_timeouts":3,"txretries":5,"rtt":{"avg":100}},
           "GroupCoordinator":{"nodeid":-1,"txerrs":0,"rxerrs":1,"req_timeouts":0,"txretries":2}},
         "topics":{"ingest.expenses":{"topic":"ingest.expenses","partitions":{
           "0":{"partition":0,"consumer_lag":42},
           "1":{"partition":1,"consumer_lag":-1},
           "-1":{"partition":-1,"consumer_lag":-1}}}}}
        """;

    private const string ProducerJson = """
        {"name":"streamfinance-generator#producer-1","client_id":"streamfinance-generator","type":"producer","msg_cnt":17,"msg_size":2048,
         "brokers":{"127.0.0.1:9092/1":{"nodeid":1,"txerrs":0,"rxerrs":0,"req_timeouts":4}},
         "topics":{"ingest.expenses":{"partitions":{"0":{"partition":0,"consumer_lag":-1}}}}}
        """;

    [Fact]
    public void A_consumer_report_gives_lag_per_known_partition_and_errors_per_broker()
    {
        Assert.True(LibrdKafkaStatistics.TryParse(ConsumerJson, out var snapshot));

        Assert.Equal("streamfinance-reader", snapshot.Client);
        Assert.Equal([new PartitionLag("ingest.expenses", 0, 42)], snapshot.Lags);
        Assert.Null(snapshot.QueueMessages);
        Assert.Equal([new BrokerRequestCounts("1", 3, 3, 5), new BrokerRequestCounts("group-coordinator", 1, 0, 2)], snapshot.Brokers);
    }

    [Fact]
    public void A_producer_report_gives_its_queue_and_no_lag()
    {
        Assert.True(LibrdKafkaStatistics.TryParse(ProducerJson, out var snapshot));

        Assert.Equal(17, snapshot.QueueMessages);
        Assert.Equal(2048, snapshot.QueueBytes);
        Assert.Empty(snapshot.Lags);
        Assert.Equal([new BrokerRequestCounts("1", 0, 4)], snapshot.Brokers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{\"type\":\"producer\"}")]
    [InlineData("{\"client_id\":")]
    public void Anything_else_is_not_read(string json)
    {
        Assert.False(LibrdKafkaStatistics.TryParse(json, out _));
    }
}
