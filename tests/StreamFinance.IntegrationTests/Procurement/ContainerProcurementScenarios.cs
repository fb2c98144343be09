using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Procurement;

/// <summary>The procurement scenario on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerProcurementScenarios(ContainerKafkaStackFixture fixture)
    : ProcurementScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
