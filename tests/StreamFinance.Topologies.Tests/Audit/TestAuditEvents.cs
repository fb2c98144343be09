using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.TestSupport.Audit;

namespace StreamFinance.Topologies.Tests.Audit;

/// <summary>Audit events as an emitter writes them to <c>audit.emitted</c>, and as the chainer appends them to <c>audit.events</c>.</summary>
internal static class TestAuditEvents
{
    public static readonly DateTime At = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>An unchained event of <paramref name="step"/> about <paramref name="businessId"/>, read from <c>ingest.expenses</c> at <paramref name="offset"/>.</summary>
    public static AuditEvent Emitted(string correlationId, string businessId, string step = AuditSteps.Approved, long offset = 1, string component = "expense") =>
        new AuditEventFactory(component).Create(
            new AuditFact(step, AuditOutcome.SUCCEEDED, correlationId, businessId) { Origin = DeadLetterOrigin.FromTopic("ingest.expenses", 0, offset) }, At);

    /// <summary>The events of one correlation id chained in order, as the chainer writes them.</summary>
    public static List<AuditEvent> Chained(string correlationId, params string[] steps) => AuditChains.Of(correlationId, $"EXP-{correlationId}", At, steps);
}
