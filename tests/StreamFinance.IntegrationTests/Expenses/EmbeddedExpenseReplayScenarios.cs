using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Expenses;

/// <summary>The expense replay scenario on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedExpenseReplayScenarios(EmbeddedKafkaStackFixture fixture)
    : ExpenseReplayScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
