using Confluent.Kafka;
using StreamFinance.Embedded.Broker;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.IntegrationTests.Support;
using StreamFinance.Kafka.Reading;
using StreamFinance.TestSupport.Kafka;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>The one "read a topic to its end" of commands, connectors and tests, on the embedded broker.</summary>
public sealed class TopicToEndTests(EmbeddedKafkaStackFixture fixture) : IClassFixture<EmbeddedKafkaStackFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly UniqueNames names = new();

    [Fact]
    public async Task A_partition_that_ends_with_a_commit_marker_is_read_to_its_last_record_and_the_read_ends()
    {
        var topic = names.For("txn");
        await fixture.Stack.CreateTopicsAsync([(topic, 2)]);
        await TestRecords.ProduceInTransactionsAsync(fixture.Stack, topic, [[("a", "1"), ("b", "2")], [("c", "3")]]);
        using var consumer = Consumer("txn-reader");

        var values = TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic, 2), Patience, TestContext.Current.CancellationToken)
            .Select(r => r.Message.Value).Order().ToList();

        Assert.Equal(["1", "2", "3"], values);
    }

    [Fact]
    public async Task Records_written_after_the_read_began_are_not_returned()
    {
        var topic = names.For("growing");
        await fixture.Stack.CreateTopicsAsync([(topic, 1)]);
        await TestRecords.ProduceAsync(fixture.Stack, topic, ("a", "1"), ("b", "2"));
        using var consumer = Consumer("growing-reader");

        using var read = TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic, 1), Patience, TestContext.Current.CancellationToken).GetEnumerator();
        Assert.True(read.MoveNext());
        var values = new List<string> { read.Current.Message.Value };
        await TestRecords.ProduceAsync(fixture.Stack, topic, ("c", "3"), ("d", "4"));
        while (read.MoveNext())
            values.Add(read.Current.Message.Value);

        Assert.Equal(["1", "2"], values);
    }

    [Fact]
    public async Task A_read_starts_at_the_offsets_asked_for_and_skips_empty_partitions_and_those_started_at_their_end()
    {
        var (topic, empty) = (names.For("starts"), names.For("empty"));
        await fixture.Stack.CreateTopicsAsync([(topic, 1), (empty, 1)]);
        await TestRecords.ProduceAsync(fixture.Stack, topic, ("a", "1"), ("b", "2"), ("c", "3"));
        using var consumer = Consumer("starts-reader");

        var fromTwo = TopicToEnd.Read(consumer, [new TopicPartitionOffset(topic, 0, 1)], Patience, TestContext.Current.CancellationToken).Select(r => r.Message.Value).ToList();
        var nothing = TopicToEnd.Read(consumer, [new TopicPartitionOffset(topic, 0, Offset.End), new TopicPartitionOffset(empty, 0, Offset.Beginning)], Patience, TestContext.Current.CancellationToken).ToList();

        Assert.Equal(["2", "3"], fromTwo);
        Assert.Empty(nothing);
    }

    [Fact]
    public async Task A_consumer_that_does_not_report_partition_ends_cannot_finish_a_transactional_partition_and_the_read_says_so_in_time()
    {
        var topic = names.For("no-eof");
        await fixture.Stack.CreateTopicsAsync([(topic, 1)]);
        await TestRecords.ProduceInTransactionsAsync(fixture.Stack, topic, [[("a", "1")]]);
        var settings = TopicToEnd.Settings(new ConsumerConfig { BootstrapServers = fixture.Stack.BootstrapServers }, "no-eof");
        settings.EnablePartitionEof = false;
        using var consumer = new ConsumerBuilder<string, string>(settings).Build();

        var error = Assert.Throws<TimeoutException>(() => TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic, 1), TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken).ToList());

        Assert.StartsWith($"Reading {topic} to its end took over 2 s (partitions left: 0 up to offset 2)", error.Message);
    }

    [Fact]
    public async Task Fetches_that_fail_for_a_transient_reason_are_fetched_again_and_the_read_ends_with_every_record()
    {
        using var cluster = EmbeddedKafkaCluster.Start();
        cluster.CreateTopic("flaky", 1);
        using (var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = cluster.BootstrapServers }).Build())
        {
            foreach (var value in new[] { "1", "2", "3" })
                await producer.ProduceAsync("flaky", new Message<string, string> { Key = value, Value = value }, TestContext.Current.CancellationToken);
        }
        // A broker that answers fetches with errors a real one returns while a leader moves or a request times out.
        cluster.PushRequestErrors(KafkaApiKey.Fetch, ErrorCode.RequestTimedOut, ErrorCode.NotLeaderForPartition, ErrorCode.RequestTimedOut);
        using var consumer = new ConsumerBuilder<string, string>(TopicToEnd.Settings(new ConsumerConfig { BootstrapServers = cluster.BootstrapServers }, "flaky-reader")).Build();

        var values = TopicToEnd.Read(consumer, TopicToEnd.FromBeginning("flaky", 1), Patience, TestContext.Current.CancellationToken).Select(r => r.Message.Value).ToList();

        Assert.Equal(["1", "2", "3"], values);
    }

    private IConsumer<string, string> Consumer(string purpose) =>
        new ConsumerBuilder<string, string>(TopicToEnd.Settings(new ConsumerConfig { BootstrapServers = fixture.Stack.BootstrapServers }, purpose)).Build();
}
