using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>
/// The validation API, in memory over one <see cref="FinanceWorld"/>'s master data and expense policy, asked about each
/// line with <c>POST /v1/validate/expense-coding</c> as an expense platform previewing the line would ask.
/// </summary>
internal static class ExpensePreviewRun
{
    /// <summary>What the API answered for each line, by expense id.</summary>
    public static async Task<Dictionary<string, Judgement>> JudgeAsync(FinanceWorld world)
    {
        var lookup = new InMemoryMasterDataLookup();
        foreach (var history in world.Histories)
            lookup.Put(history);
        await using var api = await InMemoryApi.StartAsync(lookup);
        var judged = new Dictionary<string, Judgement>(StringComparer.Ordinal);
        foreach (var line in world.Lines)
        {
            var response = await ApiResponse.PostAsync(api.Http, "/v1/validate/expense-coding", Body(line));
            if (response.Status != HttpStatusCode.OK)
                throw new InvalidOperationException($"The API answered {response.Status} for {line.expenseId}: {response.Body}");
            judged.Add(line.expenseId, Read(response.Json));
        }
        return judged;
    }

    /// <summary>The line as a request body: every member of the line the API takes, under the API's names.</summary>
    private static string Body(ExpenseLine line)
    {
        var body = new JsonObject
        {
            ["legalEntityId"] = line.chargedEntityId,
            ["costCenterId"] = line.costCenterId,
            ["date"] = line.transactionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["amount"] = line.amount.ToDecimal().ToString(CultureInfo.InvariantCulture),
            ["currency"] = line.amount.currency,
        };
        if (line.projectId is not null)
            body["projectId"] = line.projectId;
        if (line.taxCodeId is not null)
            body["taxCodeId"] = line.taxCodeId;
        return body.ToJsonString();
    }

    private static Judgement Read(JsonElement answer)
    {
        var violations = answer.GetProperty("violations").EnumerateArray().ToList();
        decimal? functional = answer.GetProperty("functionalAmount") is { ValueKind: JsonValueKind.Object } amount
            ? decimal.Parse(amount.GetProperty("convertedAmount").GetString()!, CultureInfo.InvariantCulture)
            : null;
        return new Judgement(
            answer.GetProperty("valid").GetBoolean(),
            [.. violations.Select(v => v.GetProperty("code").GetString()!)],
            [.. violations.Select(v => v.GetProperty("message").GetString()!)],
            functional);
    }
}
