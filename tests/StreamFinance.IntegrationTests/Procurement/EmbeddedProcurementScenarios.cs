using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Procurement;

/// <summary>The procurement scenario on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedProcurementScenarios(EmbeddedKafkaStackFixture fixture)
    : ProcurementScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
