using StreamFinance.Connectors.Generator;

namespace StreamFinance.IntegrationTests.Pipelines;

/// <summary>
/// A few validation API questions about the sample world, asked of one instance: two cost-center look-ups (one active,
/// one inactive), an FX rate, and an expense-coding validation that passes and one that fails. Two instances (or runs)
/// over the same master data must answer each with the same status and body.
/// </summary>
public static class ApiAnswers
{
    /// <summary>Asks every question once the instance knows the master data; returns "question -> status body" in question order.</summary>
    public static async Task<IReadOnlyList<string>> AskAsync(PipelineRun run, SampleWorld world, DateTime today)
    {
        var employee = world.Employees.First(e => e.Entity == "US01");
        var date = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (HttpMethod Method, string Path, string? Body)[] questions =
        [
            (HttpMethod.Get, $"cost-centers/{employee.CostCenter}?date={date}", null),
            (HttpMethod.Get, $"cost-centers/{world.InactiveCostCenter}?date={date}", null),
            (HttpMethod.Get, $"fx-rates/EUR/USD?date={date}", null),
            (HttpMethod.Post, "validate/expense-coding",
                $$"""{"legalEntityId":"US01","costCenterId":"{{employee.CostCenter}}","date":"{{date}}","amount":"42.50","currency":"USD","employeeId":"{{employee.Id}}","category":"MEALS","receiptAttached":true}"""),
            (HttpMethod.Post, "validate/expense-coding",
                $$"""{"legalEntityId":"US01","costCenterId":"{{world.InactiveCostCenter}}","date":"{{date}}","amount":"900.00","currency":"EUR","employeeId":"{{employee.Id}}","category":"MEALS"}"""),
        ];
        // The validation topology answers 404 until md.history reached its store: wait for the first look-up.
        await StreamFinance.TestSupport.Waiting.Wait.UntilAsync($"{run.Name} to know {employee.CostCenter}", TimeSpan.FromSeconds(30),
            () => run.ApiAsync(questions[0].Method, questions[0].Path), a => a.Status == 200, a => $"{a.Status} {a.Body}", TimeSpan.FromMilliseconds(250));
        var answers = new List<string>();
        foreach (var (method, path, body) in questions)
        {
            var (status, text) = await run.ApiAsync(method, path, body);
            answers.Add($"{method} {path.Split('?')[0]} -> {status} {text}");
        }
        return answers;
    }
}
