using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>The scenarios against the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedKafkaStackScenarios(EmbeddedKafkaStackFixture fixture)
    : KafkaStackScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
