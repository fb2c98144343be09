using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Scenarios;

/// <summary>The scenarios against Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerKafkaStackScenarios(ContainerKafkaStackFixture fixture)
    : KafkaStackScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
