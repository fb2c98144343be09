using Confluent.Kafka;
using StreamFinance.Kafka.Reading;

namespace StreamFinance.Host.Tests.Support;

/// <summary>Every record of a topic, read from the beginning up to its current end by a consumer of its own.</summary>
internal static class TopicContents
{
    public static List<(string Key, byte[] Value)> Read(string bootstrapServers, string topic, int partitions)
    {
        using var consumer = new ConsumerBuilder<string, byte[]>(TopicToEnd.Settings(new ConsumerConfig { BootstrapServers = bootstrapServers }, "read")).Build();
        return TopicToEnd.Read(consumer, TopicToEnd.FromBeginning(topic, partitions), TimeSpan.FromSeconds(20), CancellationToken.None)
            .Select(r => (r.Message.Key, r.Message.Value))
            .ToList();
    }
}
