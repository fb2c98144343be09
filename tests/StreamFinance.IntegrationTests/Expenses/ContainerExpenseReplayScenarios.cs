using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Expenses;

/// <summary>The expense replay scenario on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerExpenseReplayScenarios(ContainerKafkaStackFixture fixture)
    : ExpenseReplayScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
