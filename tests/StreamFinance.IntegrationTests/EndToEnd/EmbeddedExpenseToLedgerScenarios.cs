using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.EndToEnd;

/// <summary>The expense-to-ledger scenario on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedExpenseToLedgerScenarios(EmbeddedKafkaStackFixture fixture)
    : ExpenseToLedgerScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
