using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>
/// The preview is the posting (issue 12, point 2): over random master data and expense lines, what
/// <c>POST /v1/validate/expense-coding</c> answers for a line is what the expense topology does with it. Both sides run
/// for real: the topology in a test driver (dedupe, wait for master data, route), the API over HTTP in memory.
/// </summary>
[Properties(Arbitrary = [typeof(FinanceWorlds)], MaxTest = 200)]
public sealed class ExpensePreviewMatchesPostingProperties : IAsyncDisposable
{
    private readonly ExpensePreviewRun preview = new();

    [Property]
    public Property The_api_answers_each_line_as_the_expense_pipeline_decides_it(FinanceWorld world)
    {
        var posted = ExpensePipelineRun.Judge(world);
        var previewed = Task.Run(() => preview.JudgeAsync(world)).GetAwaiter().GetResult();

        var differences = world.Lines
            .Select(line => Difference(posted.GetValueOrDefault(line.expenseId), previewed[line.expenseId]) is { } difference
                ? $"{line.expenseId} ({FinanceWorlds.Describe(line)}): {difference}"
                : null)
            .OfType<string>().ToList();
        return (differences.Count == 0).Label(string.Join(Environment.NewLine, differences));
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => preview.DisposeAsync();

    /// <summary>Null when the two agree: both approve at the same functional amount, or both reject with the same violations (codes, values, messages), the first being the dead letter's reason.</summary>
    private static string? Difference(Judgement? pipeline, Judgement api)
    {
        if (pipeline is null)
            return $"the pipeline neither approved nor dead-lettered it; the API: {api}";
        var agree = pipeline.Valid == api.Valid && (pipeline.Valid
            ? pipeline.FunctionalAmount == api.FunctionalAmount
            : pipeline.Codes.SequenceEqual(api.Codes) && pipeline.Values.SequenceEqual(api.Values) && pipeline.Messages.SequenceEqual(api.Messages));
        return agree ? null : $"the pipeline {pipeline}; the API {api}";
    }
}
