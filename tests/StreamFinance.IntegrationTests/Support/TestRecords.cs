using Confluent.Kafka;
using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Support;

/// <summary>String records written to a test topic, plainly or in transactions (so each partition ends with a commit marker).</summary>
public static class TestRecords
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Writes each group of <paramref name="transactions"/> in a committed transaction of its own.</summary>
    public static async Task ProduceInTransactionsAsync(IKafkaStack stack, string topic, IReadOnlyList<(string Key, string Value)[]> transactions)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig
        {
            BootstrapServers = stack.BootstrapServers,
            TransactionalId = $"{topic}-writer-{Guid.NewGuid():N}",
        }).Build();
        producer.InitTransactions(Patience);
        foreach (var transaction in transactions)
        {
            producer.BeginTransaction();
            foreach (var (key, value) in transaction)
                await producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = value });
            producer.CommitTransaction(Patience);
        }
    }

    /// <summary>Writes <paramref name="records"/> with an idempotent producer, no transaction.</summary>
    public static async Task ProduceAsync(IKafkaStack stack, string topic, params (string Key, string Value)[] records)
    {
        using var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = stack.BootstrapServers, EnableIdempotence = true }).Build();
        foreach (var (key, value) in records)
            await producer.ProduceAsync(topic, new Message<string, string> { Key = key, Value = value });
    }
}
