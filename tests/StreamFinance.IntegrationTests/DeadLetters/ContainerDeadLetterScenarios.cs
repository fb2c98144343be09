using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.DeadLetters;

/// <summary>The dead-letter scenarios on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerDeadLetterScenarios(ContainerKafkaStackFixture fixture)
    : DeadLetterScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
