using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.MasterData;

/// <summary>The master-data scenario on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedMasterDataScenarios(EmbeddedKafkaStackFixture fixture)
    : MasterDataScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
