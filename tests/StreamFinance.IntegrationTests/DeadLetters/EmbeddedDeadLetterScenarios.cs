using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>The dead-letter scenarios on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedDeadLetterScenarios(EmbeddedKafkaStackFixture fixture)
    : DeadLetterScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
