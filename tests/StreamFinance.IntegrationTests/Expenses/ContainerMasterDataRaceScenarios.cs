using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Expenses;

/// <summary>The start-up race scenario on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerMasterDataRaceScenarios(ContainerKafkaStackFixture fixture)
    : MasterDataRaceScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
