using StreamFinance.IntegrationTests.Stacks;

namespace StreamFinance.IntegrationTests.Audit;

/// <summary>The audit verify scenario on the embedded stack.</summary>
public sealed class EmbeddedAuditVerifyScenarios(EmbeddedKafkaStackFixture fixture)
    : AuditVerifyScenarios(fixture), IClassFixture<EmbeddedKafkaStackFixture>;
