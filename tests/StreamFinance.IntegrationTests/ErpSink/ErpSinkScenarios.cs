using System.Text;
using StreamFinance.Connectors.ErpSink;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.IntegrationTests.Stacks;
using StreamFinance.Kafka.Audit;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.TestSupport.Kafka;
using StreamFinance.TestSupport.Waiting;

namespace StreamFinance.IntegrationTests.ErpSink;

/// <summary>
/// ERP sinks against the fake ERP on a real broker, written once and run against every <see cref="IKafkaStack"/>:
/// a sink crashed between the ERP's answer and its commit, rejections, an outage and the ERP's rate limit.
/// </summary>
public abstract class ErpSinkScenarios(KafkaStackFixture fixture)
{
    [Fact(Timeout = 180_000)]
    public async Task A_sink_crashed_between_the_erp_calls_and_its_commit_re_sends_on_restart_and_the_erp_keeps_one_document_per_posting_id()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ErpSinkRig.StartAsync(fixture.Stack, ct);
        var ids = await rig.ProduceJournalsAsync(40, ct);
        // Each new document takes 150 ms to be answered, so the crash finds calls whose document exists but whose answer never arrived.
        rig.Erp.AnswerDelay = TimeSpan.FromMilliseconds(150);

        using (var crash = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var first = rig.Sink("it-erp-first", o => o.MaxBatch = 500);
            var running = first.RunAsync(crash.Token);
            await Wait.UntilAsync("the first sink to have created 10 documents", ErpSinkRig.Patience, () => rig.Documents().Count >= 10);
            crash.Cancel();
            await running;
        }
        var beforeRestart = (Documents: rig.Documents().Count, Confirmed: rig.Confirmations(ct).Select(c => c.postingId).Distinct().Count());
        Assert.InRange(beforeRestart.Documents, 10, ids.Count - 1);

        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            var second = rig.Sink("it-erp-second");
            var running = second.RunAsync(stop.Token);
            var confirmations = Wait.Until("a confirmation per journal", ErpSinkRig.Patience, () => rig.Confirmations(ct),
                seen => ids.All(id => seen.Any(c => c.postingId == id)), seen => $"{seen.Select(c => c.postingId).Distinct().Count()} of {ids.Count}");
            stop.Cancel();
            await running;

            var documents = rig.Documents();
            Assert.Equal(ids.Order(), documents.Select(d => d.IdempotencyKey).Order());
            var calls = rig.Calls();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"crash after {beforeRestart.Documents} documents ({beforeRestart.Confirmed} confirmed); {calls.Count} calls for {ids.Count} postings, {documents.Count} documents");
            Assert.True(calls.Count > ids.Count, $"the restarted sink re-sent what the crashed one had not committed ({calls.Count} calls for {ids.Count} postings)");
            foreach (var id in ids)
            {
                var document = Assert.Single(documents, d => d.IdempotencyKey == id);
                Assert.All(confirmations.Where(c => c.postingId == id), c =>
                    Assert.Equal((PostingStatus.POSTED, document.Number, (int?)2026, "netsuite-test", "US01"), (c.status, c.erpDocumentNumber, c.fiscalYear, c.targetSystem, c.legalEntityId)));
            }
            var confirmation = confirmations.First(c => c.postingId == ids[3]);
            Assert.Equal((103m, "USD", Topics.JournalPostings.Name, new DateTime(2026, 11, 26)), (confirmation.amount!.ToDecimal(), confirmation.amount.currency, confirmation.sourceTopic, confirmation.businessDate!.Value.Date));
            Assert.Equal($"corr-{ids[3]}", confirmation.envelope.correlationId);
        }
    }

    [Fact(Timeout = 180_000)]
    public async Task A_rejected_posting_is_confirmed_REJECTED_and_dead_lettered_to_integration_support_with_the_erps_message_and_the_payload_sent()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ErpSinkRig.StartAsync(fixture.Stack, ct);
        rig.Erp.Rejects = call => call.Body.Contains("\"DE01\"", StringComparison.Ordinal) ? "Subsidiary DE01 is inactive; journal entries cannot be posted to it." : null;
        var accepted = await rig.ProduceJournalsAsync(3, ct);
        var rejected = Assert.Single(await rig.ProduceJournalsAsync(1, ct, "DE01"));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = rig.Sink("it-erp-reject").RunAsync(stop.Token);
        var confirmations = Wait.Until("4 confirmations", ErpSinkRig.Patience, () => rig.Confirmations(ct), seen => seen.Count >= 4, seen => $"{seen.Count}");
        var letters = Wait.Until("the rejection's dead letter", ErpSinkRig.Patience,
            () => TopicReader.ReadAll(rig.Stack.BootstrapServers, ErpAnswerRecorder.DeadLetterTopic.Name, TimeSpan.FromSeconds(20), ct)
                .Where(r => r.Message.Key is not null && Encoding.UTF8.GetString(r.Message.Key).Contains(rig.Run, StringComparison.Ordinal)).ToList(),
            seen => seen.Count >= 1, seen => $"{seen.Count}");
        stop.Cancel();
        await running;

        Assert.Equal(accepted.Order(), confirmations.Where(c => c.status == PostingStatus.POSTED).Select(c => c.postingId).Order());
        var no = Assert.Single(confirmations, c => c.status == PostingStatus.REJECTED);
        Assert.Equal((rejected, (string?)null, (int?)null), (no.postingId, no.erpDocumentNumber, no.fiscalYear));
        Assert.Contains("Subsidiary DE01 is inactive; journal entries cannot be posted to it.", no.messages);

        var record = Assert.Single(letters);
        var letter = rig.SerDes.Avro<DeadLetter>().Deserialize(record.Message.Value, new Confluent.Kafka.SerializationContext(Confluent.Kafka.MessageComponentType.Value, record.Topic));
        Assert.Equal((ReasonCode.ErpRejected.Code, OwnerRole.INTEGRATION_SUPPORT, Topics.JournalPostings.Name, "connector.it-erp-reject", "netsuite-journal-entries@1"),
            (letter.reasonCode, letter.ownerRole, letter.originTopic, letter.processor, letter.mappingProfile));
        Assert.Contains("Subsidiary DE01 is inactive", letter.message, StringComparison.Ordinal);
        Assert.Contains(rejected, letter.message, StringComparison.Ordinal);
        Assert.Equal(typeof(ErpRejectedException).FullName, letter.exceptionType);
        var sent = DeadLetterHeaders.Read(record.Message.Headers, ErpAnswerRecorder.RequestBodyHeader);
        Assert.NotNull(sent);
        Assert.Contains($"\"externalId\":\"{rejected}\"", sent, StringComparison.Ordinal);
        Assert.Equal("400", DeadLetterHeaders.Read(record.Message.Headers, ErpAnswerRecorder.StatusHeader));
        Assert.Equal($"PUT services/rest/record/v1/journalEntry/eid:{rejected}", DeadLetterHeaders.Read(record.Message.Headers, ErpAnswerRecorder.RequestHeader));
        // The original record's bytes, so that 'dlq replay' can send it again once the ERP is fixed.
        var original = TopicReader.ReadAll(rig.Stack.BootstrapServers, Topics.JournalPostings.Name, TimeSpan.FromSeconds(20), ct)
            .Single(r => Encoding.UTF8.GetString(r.Message.Key) == rejected);
        Assert.Equal(original.Message.Value, letter.rawValue);
        Assert.Equal(original.Offset.Value, letter.originOffset);
        Assert.DoesNotContain(rig.Documents(), d => d.IdempotencyKey == rejected);

        var audit = TopicReader.ReadValues(rig.Stack.BootstrapServers, Topics.AuditEmitted, rig.SerDes, TimeSpan.FromSeconds(20), ct)
            .Where(a => a.businessId.Contains(rig.Run, StringComparison.Ordinal) || a.correlationId.Contains(rig.Run, StringComparison.Ordinal)).ToList();
        Assert.Equal(accepted.Order(), audit.Where(a => a.step == AuditSteps.Confirmed).Select(a => a.businessId).Order());
        var rejectedEvent = Assert.Single(audit, a => a.step == AuditSteps.Rejected);
        Assert.Equal((rejected, AuditOutcome.REJECTED, ReasonCode.ErpRejected.Code), (rejectedEvent.businessId, rejectedEvent.outcome, rejectedEvent.reason));
        Assert.Single(audit, a => a.step == AuditSteps.DeadLettered && a.reason == ReasonCode.ErpRejected.Code);
        Assert.All(audit.Where(a => a.step == AuditSteps.Confirmed), a => Assert.Single(a.relatedIds));
    }

    [Fact(Timeout = 180_000)]
    public async Task An_erp_outage_pauses_the_partitions_without_dead_letters_and_every_posting_goes_through_once_the_erp_is_back()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ErpSinkRig.StartAsync(fixture.Stack, ct);
        rig.Erp.Down = true;
        var ids = await rig.ProduceJournalsAsync(12, ct);

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var sink = rig.Sink("it-erp-outage", o => (o.MaxRetries, o.BreakerMinimumThroughput, o.BreakDurationMs) = (1, 2, 1_000));
        var running = sink.RunAsync(stop.Token);
        await Wait.UntilAsync("the circuit to open and partitions to pause", ErpSinkRig.Patience,
            () => sink.Endpoint.CircuitOpen && rig.Metrics.PausedPartitions.WithLabels("it-erp-outage").Value > 0);
        // While the circuit is open only its half-open trials (one per second here) reach the ERP; without it, a record
        // would be tried twice every few milliseconds. (The sink also reads other tests' journals on this broker: all count.)
        var callsWhenOpened = rig.Erp.Calls.Count;
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var callsDuringOutage = rig.Erp.Calls.Count - callsWhenOpened;
        Assert.InRange(callsDuringOutage, 0, 4);
        Assert.All(rig.Erp.Calls, c => Assert.Equal(503, c.Status));
        Assert.Empty(rig.Confirmations(ct));
        Assert.DoesNotContain(TopicReader.ReadAll(rig.Stack.BootstrapServers, ErpAnswerRecorder.DeadLetterTopic.Name, TimeSpan.FromSeconds(20), ct),
            r => Encoding.UTF8.GetString(r.Message.Key).Contains(rig.Run, StringComparison.Ordinal));
        Assert.False(sink.Health.IsUp);

        rig.Erp.Down = false;
        var confirmations = Wait.Until("a confirmation per journal after the outage", ErpSinkRig.Patience, () => rig.Confirmations(ct),
            seen => ids.All(id => seen.Any(c => c.postingId == id)), seen => $"{seen.Select(c => c.postingId).Distinct().Count()} of {ids.Count}");
        stop.Cancel();
        await running;

        Assert.All(confirmations, c => Assert.Equal(PostingStatus.POSTED, c.status));
        Assert.Equal(ids.Order(), rig.Documents().Select(d => d.IdempotencyKey).Order());
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{callsWhenOpened} calls answered 503 until the circuit opened, {callsDuringOutage} in the next 3 s; {rig.Metrics.CallsOf("it-erp-outage", ErpSinkMetrics.Unavailable)} unavailable attempts in all");
        Assert.Equal(0, rig.Metrics.CircuitOpen.WithLabels("it-erp-outage").Value);
    }

    [Fact(Timeout = 180_000)]
    public async Task Two_sinks_of_one_group_share_the_work_under_the_erps_rate_limit_and_every_posting_becomes_one_document()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var rig = await ErpSinkRig.StartAsync(fixture.Stack, ct);
        rig.Erp.RequestsPerSecond = 8;
        rig.Erp.RetryAfterSeconds = 1;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        // The group reads the whole topic, journals of this class's earlier tests too (answered from their documents):
        // the metrics count every call these sinks make, so they are compared with every call the ERP got meanwhile.
        var callsBefore = rig.Erp.Calls.Count;
        var one = rig.Sink("it-erp-one");
        var two = rig.Sink("it-erp-two");
        var first = one.RunAsync(stop.Token);
        var second = two.RunAsync(stop.Token);
        try
        {
            await Wait.UntilAsync("the group's 6 partitions split between both sinks", TimeSpan.FromSeconds(60),
                () => one.AssignedPartitions.Count > 0 && two.AssignedPartitions.Count > 0 && one.AssignedPartitions.Count + two.AssignedPartitions.Count == Topics.JournalPostings.Partitions,
                detail: () => $"one owns [{string.Join(", ", one.AssignedPartitions)}], two owns [{string.Join(", ", two.AssignedPartitions)}]");
        }
        catch
        {
            stop.Cancel();
            await Task.WhenAll(first, second);
            throw;
        }
        Assert.Empty(one.AssignedPartitions.Intersect(two.AssignedPartitions));
        var ids = await rig.ProduceJournalsAsync(30, ct);
        var confirmations = Wait.Until("a confirmation per journal", ErpSinkRig.Patience, () => rig.Confirmations(ct),
            seen => ids.All(id => seen.Any(c => c.postingId == id)), seen => $"{seen.Select(c => c.postingId).Distinct().Count()} of {ids.Count}");
        stop.Cancel();
        await Task.WhenAll(first, second);

        Assert.Equal(ids.Order(), rig.Documents().Select(d => d.IdempotencyKey).Order());
        Assert.All(confirmations, c => Assert.Equal(PostingStatus.POSTED, c.status));
        var throttled = rig.Calls().Count(c => c.Status == 429);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{rig.Calls().Count} calls, {throttled} answered 429; posted by it-erp-one {rig.Metrics.CallsOf("it-erp-one", ErpSinkMetrics.Posted)}, by it-erp-two {rig.Metrics.CallsOf("it-erp-two", ErpSinkMetrics.Posted)}");
        var throttledAll = rig.Erp.Calls.Skip(callsBefore).Count(c => c.Status == 429);
        Assert.Equal(throttledAll, (int)(rig.Metrics.CallsOf("it-erp-one", ErpSinkMetrics.Throttled) + rig.Metrics.CallsOf("it-erp-two", ErpSinkMetrics.Throttled)));
        Assert.True(throttled > 0, "30 postings at 8 per second met the ERP's 429");
        Assert.True(rig.Metrics.CallsOf("it-erp-one", ErpSinkMetrics.Posted) > 0 && rig.Metrics.CallsOf("it-erp-two", ErpSinkMetrics.Posted) > 0, "both instances posted");
    }
}
