using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.Audit;
using StreamFinance.Topologies.Audit;
using StreamFinance.Topologies.Tests.Support;
using Streamiz.Kafka.Net.Mock;
using StreamFinance.Kafka;

namespace StreamFinance.Topologies.Tests.Audit;

/// <summary>
/// The audit chainer chains each correlation id's events in the order they arrive, drops repeats, closes each day of
/// a partition with a chain head, and <see cref="AuditChainVerifier"/> recomputes all of it and finds an edited and a
/// deleted event.
/// </summary>
public sealed class AuditChainTests : IDisposable
{
    private static readonly DateTime Day1 = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(Day1));
    private readonly TopologyHarness harness;
    private readonly TestInputTopic<string, AuditEvent> emitted;
    private readonly TestOutputTopic<string, AuditEvent> events;

    public AuditChainTests()
    {
        harness = new TopologyHarness(new AuditChainTopology(), serDes => new TopologyContext(serDes, clock));
        emitted = harness.Input(Topics.AuditEmitted);
        events = harness.Output(Topics.AuditEvents);
    }

    [Fact]
    public void Each_correlation_id_gets_its_own_chain_in_arrival_order_and_a_repeated_event_is_taken_once()
    {
        var ingested = TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Ingested, 1);
        Emit(ingested, Day1);
        Emit(TestAuditEvents.Emitted("c-2", "EXP-2", AuditSteps.Ingested, 2), Day1);
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Approved, 3), Day1.AddSeconds(1));
        Emit(ingested, Day1.AddSeconds(2)); // a re-delivery under at-least-once: same event id

        var chained = events.ReadKeyValueList().Select(r => r.Message.Value).ToList();
        Assert.Equal([("c-1", 1L), ("c-2", 1L), ("c-1", 2L)], chained.Select(e => (e.correlationId, e.sequence)));
        Assert.Null(chained[0].previousHash);
        Assert.Equal(chained[0].hash, chained[2].previousHash);
        Assert.All(chained, e => Assert.Equal(AuditEventHash.Compute(e), e.hash));
        Assert.Equal(Day1, chained[0].chainedAt);
        var verifier = Verify(chained);
        Assert.Empty(verifier.Findings);
        Assert.Equal(2, verifier.Chains);
    }

    [Fact]
    public void The_first_event_of_a_later_day_closes_the_day_with_a_chain_head_in_the_same_partition_that_verify_checks()
    {
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Ingested, 1), Day1);
        Emit(TestAuditEvents.Emitted("c-2", "EXP-2", AuditSteps.Ingested, 2), Day1.AddHours(3));
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Approved, 3), Day1.AddDays(1));

        var chained = events.ReadKeyValueList().Select(r => r.Message.Value).ToList();
        Assert.Equal([AuditSteps.Ingested, AuditSteps.Ingested, AuditSteps.ChainHead, AuditSteps.Approved], chained.Select(e => e.step));
        var head = chained[2];
        Assert.Equal(("audit-chain-head/0", "0/2026-04-10", "2", 1L), (head.correlationId, head.businessId, head.detail["events"], head.sequence));
        Assert.Equal(AuditChain.Fold(AuditChain.Fold("", chained[0].hash!), chained[1].hash!), head.detail["partitionHash"]);
        var verifier = Verify(chained);
        Assert.Empty(verifier.Findings);
        Assert.Equal(1, verifier.HeadsChecked);
    }

    [Fact]
    public void A_quiet_partition_gets_its_head_once_the_wall_clock_passes_midnight()
    {
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Ingested, 1), Day1);
        Assert.Single(events.ReadKeyValueList());

        clock.Advance(TimeSpan.FromDays(1));
        harness.AdvanceWallClock(AuditChainTransformer.DayCheckInterval);

        var head = Assert.Single(events.ReadKeyValueList()).Message.Value;
        Assert.Equal((AuditSteps.ChainHead, "1"), (head.step, head.detail["events"]));
    }

    [Fact]
    public void Verify_reports_an_edited_event_and_a_deleted_one_with_their_offsets()
    {
        for (var i = 0; i < 4; i++)
            Emit(TestAuditEvents.Emitted("c-1", "EXP-1", i % 2 == 0 ? AuditSteps.Ingested : AuditSteps.Approved, i + 1, component: $"step-{i}"), Day1.AddMinutes(i));
        Emit(TestAuditEvents.Emitted("c-2", "EXP-2", AuditSteps.Ingested, 10), Day1.AddDays(1));
        var chained = events.ReadKeyValueList().Select(r => r.Message.Value).ToList();
        Assert.Empty(Verify(chained).Findings);

        // Offset 1 edited (its reason rewritten), offset 2 deleted: what is left keeps its offsets.
        var kept = chained.Select((e, offset) => (Offset: (long)offset, Event: e)).Where(x => x.Offset != 2).ToList();
        kept[1].Event.reason = "approved by a person, not by the rules";
        var verifier = new AuditChainVerifier(fromStart: true);
        foreach (var (offset, e) in kept)
            verifier.Add(0, offset, e);

        var findings = verifier.Findings.Select(f => (f.Kind, f.Offset)).ToList();
        Assert.Equal([(AuditFindingKinds.Edited, 1L), (AuditFindingKinds.Gap, 3L), (AuditFindingKinds.HeadMismatch, 4L)], findings);
        Assert.Contains("sequence 3 is missing", verifier.Findings[1].Message);
    }

    [Fact]
    public void Verify_since_a_day_takes_chains_that_began_before_it_and_still_finds_an_edit_after_it()
    {
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Ingested, 1), Day1);
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Approved, 2), Day1.AddMinutes(1));
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Posted, 3), Day1.AddDays(1));
        Emit(TestAuditEvents.Emitted("c-2", "EXP-2", AuditSteps.Ingested, 4), Day1.AddDays(1).AddMinutes(1));
        var chained = events.ReadKeyValueList().Select(r => r.Message.Value).ToList();
        Assert.Equal([AuditSteps.Ingested, AuditSteps.Approved, AuditSteps.ChainHead, AuditSteps.Posted, AuditSteps.Ingested], chained.Select(e => e.step));

        // --since the second day: the read starts at the day's chain head (offset 2); c-1 goes on at sequence 3.
        var sinceDay2 = chained.Select((e, offset) => (Offset: (long)offset, Event: e)).Skip(2).ToList();
        Assert.Empty(VerifyFrom(sinceDay2, fromStart: false).Findings);
        Assert.Contains(VerifyFrom(sinceDay2, fromStart: true).Findings, f => (f.Kind, f.Offset) == (AuditFindingKinds.Gap, 3L));

        sinceDay2[1].Event.reason = "rewritten later";
        var finding = Assert.Single(VerifyFrom(sinceDay2, fromStart: false).Findings);
        Assert.Equal((AuditFindingKinds.Edited, 3L), (finding.Kind, finding.Offset));
    }

    [Fact]
    public void An_edit_whose_hash_is_recomputed_breaks_the_chain_at_the_next_event()
    {
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Ingested, 1), Day1);
        Emit(TestAuditEvents.Emitted("c-1", "EXP-1", AuditSteps.Approved, 2), Day1.AddSeconds(1));
        var chained = events.ReadKeyValueList().Select(r => r.Message.Value).ToList();
        chained[0].businessId = "EXP-FORGED";
        chained[0].hash = AuditEventHash.Compute(chained[0]);

        var verifier = Verify(chained);

        var finding = Assert.Single(verifier.Findings);
        Assert.Equal((AuditFindingKinds.Break, 1L), (finding.Kind, finding.Offset));
    }

    [Fact]
    public void The_event_hash_is_pinned_because_every_event_ever_written_is_verified_with_it()
    {
        var audit = new AuditEvent
        {
            eventId = Guid.Parse("11111111-2222-8333-8444-555555555555"), correlationId = "c-1", step = "approved", component = "expense", componentVersion = "1.0.0",
            outcome = AuditOutcome.SUCCEEDED, reason = null, businessId = "EXP-1", topic = "ingest.expenses", partition = 2, offset = 7, originFile = null, originLine = null,
            detail = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }, relatedIds = ["JE-1"], attempt = 1,
            occurredAt = new DateTime(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc), sourceTime = new DateTime(2026, 4, 9, 0, 0, 0, DateTimeKind.Utc),
            payloadType = "T", payloadSnapshot = "{}", payloadSha256 = "ab", sequence = 2, previousHash = "cd", chainedAt = new DateTime(2026, 4, 10, 9, 0, 1, DateTimeKind.Utc),
        };

        // Recomputed independently from the documented encoding (README, "Tamper evidence") with Python's hashlib.
        Assert.Equal("e8cd4fac154e917bc715b9551f743e974ae9a000c1d524c3cc815d1e7f1362ca", AuditEventHash.Compute(audit));
    }

    public void Dispose() => harness.Dispose();

    private void Emit(AuditEvent audit, DateTime timestamp) => emitted.PipeInput(audit.correlationId, audit, timestamp, null);

    private static AuditChainVerifier VerifyFrom(IEnumerable<(long Offset, AuditEvent Event)> read, bool fromStart)
    {
        var verifier = new AuditChainVerifier(fromStart);
        foreach (var (offset, audit) in read)
            verifier.Add(0, offset, audit);
        return verifier;
    }

    private static AuditChainVerifier Verify(IReadOnlyList<AuditEvent> chained)
    {
        var verifier = new AuditChainVerifier(fromStart: true);
        for (var offset = 0; offset < chained.Count; offset++)
            verifier.Add(0, offset, chained[offset]);
        return verifier;
    }
}
