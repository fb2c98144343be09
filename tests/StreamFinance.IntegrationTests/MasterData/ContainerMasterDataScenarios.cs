using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.MasterData;

/// <summary>The master-data scenario on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerMasterDataScenarios(ContainerKafkaStackFixture fixture)
    : MasterDataScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
