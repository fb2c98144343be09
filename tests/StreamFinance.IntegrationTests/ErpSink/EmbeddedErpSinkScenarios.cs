using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.ErpSink;

/// <summary>The ERP sink scenarios on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedErpSinkScenarios(EmbeddedKafkaStackFixture fixture)
    : ErpSinkScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
