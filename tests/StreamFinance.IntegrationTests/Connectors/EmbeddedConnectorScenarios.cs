using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Connectors;

/// <summary>The connector scenarios on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedConnectorScenarios(EmbeddedKafkaStackFixture fixture)
    : ConnectorScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
