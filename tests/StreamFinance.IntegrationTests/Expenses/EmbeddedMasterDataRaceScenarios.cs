using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Expenses;

/// <summary>The start-up race scenario on the embedded stack (librdkafka mock cluster + embedded Schema Registry).</summary>
public sealed class EmbeddedMasterDataRaceScenarios(EmbeddedKafkaStackFixture fixture)
    : MasterDataRaceScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
