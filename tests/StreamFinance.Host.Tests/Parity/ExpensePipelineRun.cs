using System.Text;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Kafka;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Expenses;
using StreamFinance.Topologies.Tests.Support;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>
/// The expense topology in a test driver over one <see cref="FinanceWorld"/>: master data first, then every line; then
/// the wait horizon passes, so a line waiting for master data that never comes is dead-lettered as it would be in production.
/// </summary>
internal static class ExpensePipelineRun
{
    /// <summary>What the pipeline made of each line, by expense id.</summary>
    public static Dictionary<string, Judgement> Judge(FinanceWorld world)
    {
        var clock = new FakeTimeProvider(FinanceWorlds.Today);
        var options = world.Options();
        using var harness = new TopologyHarness(new ExpenseTopology(), serDes => new TopologyContext(serDes, clock) { Expenses = options });
        var history = harness.Input(Topics.MasterDataHistory);
        var lines = harness.Input(Topics.Expenses);
        var approved = harness.Output(Topics.ApprovedExpenses);
        var deadLetters = harness.Output(Topics.ExpenseDeadLetters);

        foreach (var record in world.Histories)
            history.PipeInput(MasterDataKeys.For(record.objectType, record.businessKey), record);
        foreach (var line in world.Lines)
            lines.PipeInput(line.expenseId, line);
        clock.Advance(options.MasterDataWaitHorizon + TimeSpan.FromMinutes(1));
        harness.AdvanceWallClock(options.MasterDataWaitCheckInterval);

        var judged = new Dictionary<string, Judgement>(StringComparer.Ordinal);
        foreach (var record in approved.ReadKeyValueList())
            judged.Add(record.Message.Key, Judgement.Approved(record.Message.Value.functionalAmount.ToDecimal()));
        foreach (var record in deadLetters.ReadValueList())
            judged.Add(Encoding.UTF8.GetString(record.rawKey), new Judgement(
                false,
                // The reason must be the first structured violation: a dead letter where it is not shows as its own code list.
                record.violations.Count > 0 && record.violations[0].code == record.reasonCode ? [.. record.violations.Select(v => v.code)] : [$"reason {record.reasonCode} is not the first violation"],
                DeadLetterMessages(record.message),
                [.. record.violations.Select(v => v.value)],
                null));
        return judged;
    }

    /// <summary>
    /// The violation messages listed in a dead letter's message: "Expense line X of employee E: first (field f); also
    /// second (field g). Remedy.", in order, without their fields (named in each side's own spelling).
    /// </summary>
    private static List<string> DeadLetterMessages(string message)
    {
        var start = message.IndexOf(": ", StringComparison.Ordinal) + 2;
        return [.. message[start..].Split("; also ").Select(part => part[..part.LastIndexOf(" (field ", StringComparison.Ordinal)])];
    }
}
