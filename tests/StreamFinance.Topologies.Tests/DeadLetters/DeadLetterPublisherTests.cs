using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Observability;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Topologies.Tests.DeadLetters;

public sealed class DeadLetterPublisherTests : IDisposable
{
    private readonly Contracts.Catalog.Topic<string, DeadLetter> topic = TestDeadLetterTopics.Unique();
    private readonly DeadLetterMetrics metrics = BusinessMetrics.Detached().DeadLetters;
    private readonly DeadLetterPublisher publisher;
    private readonly DeadLetter deadLetter = new DeadLetterFactory(new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 12, 0, 0, TimeSpan.Zero))).Create(
        new Failure(ReasonCode.DeserializationFailed, "Not Avro."),
        new FailedRecord(DeadLetterOrigin.FromTopic("ingest.expenses", 0, 12), [1], [2]),
        "expense.deserialize");

    public DeadLetterPublisherTests()
    {
        // No broker listens on this port: nothing can be acknowledged.
        var kafka = new KafkaOptions { BootstrapServers = $"127.0.0.1:{UnusedPort()}" };
        publisher = new DeadLetterPublisher(kafka, new SerDesFactory(new InMemorySchemaRegistryClient()), ackTimeout: TimeSpan.FromSeconds(1), metrics: metrics);
    }

    [Fact]
    public void A_dead_letter_kafka_does_not_acknowledge_is_reported_as_not_published_and_not_counted()
    {
        Assert.False(publisher.TryPublish(topic, deadLetter));

        Assert.Equal(0, metrics.Count(topic.Name, ReasonCode.DeserializationFailed));
    }

    [Fact]
    public async Task Publishing_without_an_acknowledgement_throws_naming_the_topic_the_origin_and_that_the_record_is_not_handled()
    {
        var error = await Assert.ThrowsAsync<DeadLetterNotWrittenException>(
            () => publisher.PublishAsync(topic, deadLetter, ct: TestContext.Current.CancellationToken));

        Assert.Same(deadLetter, error.DeadLetter);
        Assert.Contains($"'{topic.Name}'", error.Message);
        Assert.Contains("ingest.expenses/0/12", error.Message);
        Assert.Contains("NOT handled", error.Message);
    }

    public void Dispose() => publisher.Dispose();

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
