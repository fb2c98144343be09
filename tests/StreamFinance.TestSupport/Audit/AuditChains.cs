using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.TestSupport.Audit;

/// <summary>Audit events chained as the audit chainer chains them, for tests of what reads <c>audit.events</c>.</summary>
public static class AuditChains
{
    /// <summary>
    /// One correlation id's chain of <paramref name="steps"/> about <paramref name="businessId"/> by <paramref name="component"/>,
    /// each read from <c>ingest.expenses</c> partition 0 at offset = its index, decided and chained a second apart from <paramref name="at"/>.
    /// </summary>
    public static List<AuditEvent> Of(string correlationId, string businessId, DateTime at, IReadOnlyList<string> steps, string component = "expense")
    {
        var factory = new AuditEventFactory(component);
        var link = AuditChainLink.Start;
        var chain = new List<AuditEvent>();
        for (var i = 0; i < steps.Count; i++)
        {
            var fact = new AuditFact(steps[i], AuditOutcome.SUCCEEDED, correlationId, businessId) { Origin = DeadLetterOrigin.FromTopic("ingest.expenses", 0, i) };
            var (chained, next) = AuditChain.Append(link, factory.Create(fact, at.AddSeconds(i)), at.AddSeconds(i))
                ?? throw new InvalidOperationException($"Step {i} of {correlationId} was taken as a repeat.");
            chain.Add(chained);
            link = next;
        }
        return chain;
    }
}
