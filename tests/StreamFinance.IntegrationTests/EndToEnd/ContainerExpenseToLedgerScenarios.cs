using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>The expense-to-ledger scenario on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerExpenseToLedgerScenarios(ContainerKafkaStackFixture fixture)
    : ExpenseToLedgerScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
