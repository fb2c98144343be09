using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Connectors;

/// <summary>The connector scenarios on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerConnectorScenarios(ContainerKafkaStackFixture fixture)
    : ConnectorScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
