using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Audit;

/// <summary>The audit verify scenario on Apache Kafka and Confluent Schema Registry in containers; Skipped without Docker.</summary>
public sealed class ContainerAuditVerifyScenarios(ContainerKafkaStackFixture fixture)
    : AuditVerifyScenarios(fixture), IClassFixture<ContainerKafkaStackFixture>;
