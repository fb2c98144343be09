using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Host.Tests.Parity;

/// <summary>
/// The validation API, in memory over one <see cref="FinanceWorld"/>'s master data and expense policy, asked about each
/// line with <c>POST /v1/validate/expense-coding</c> as an expense platform previewing the line would ask. One server per
/// expense policy a world can have (rounding and closed-period policy) serves every world of a run, each over the
/// master data of the world being judged: starting a server per world would cost more than the judging.
/// </summary>
internal sealed class ExpensePreviewRun : IAsyncDisposable
{
    private readonly Dictionary<(MidpointRounding, ClosedPeriodPolicy), InMemoryApi> apis = [];
    private readonly WorldLookup lookup = new();

    /// <summary>What the API answered for each line of <paramref name="world"/>, by expense id.</summary>
    public async Task<Dictionary<string, Judgement>> JudgeAsync(FinanceWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var masterData = new InMemoryMasterDataLookup();
        foreach (var history in world.Histories)
            masterData.Put(history);
        lookup.Current = masterData;
        var api = await ApiFor(world);
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

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var api in apis.Values)
            await api.DisposeAsync();
        apis.Clear();
    }

    private async Task<InMemoryApi> ApiFor(FinanceWorld world)
    {
        var policy = (world.Rounding, world.ClosedPeriod);
        if (!apis.TryGetValue(policy, out var api))
            apis.Add(policy, api = await InMemoryApi.StartAsync(lookup, expenses: world.Options()));
        return api;
    }

    /// <summary>The master data of the world being judged.</summary>
    private sealed class WorldLookup : IMasterDataLookup
    {
        public IMasterDataLookup Current { get; set; } = new InMemoryMasterDataLookup();

        public MasterDataHistory? Find(string objectType, string businessKey) => Current.Find(objectType, businessKey);

        public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit) =>
            Current.FindByPrefix(objectType, businessKeyPrefix, limit);
    }

    /// <summary>The line as a request body: every member of the line the API takes, under the API's names.</summary>
    private static string Body(ExpenseLine line)
    {
        var body = new JsonObject
        {
            ["employeeId"] = line.employeeId,
            ["legalEntityId"] = line.chargedEntityId,
            ["costCenterId"] = line.costCenterId,
            ["date"] = line.transactionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["amount"] = line.amount.ToDecimal().ToString(CultureInfo.InvariantCulture),
            ["currency"] = line.amount.currency,
            ["category"] = line.category,
            ["receiptAttached"] = line.receiptAttached,
        };
        if (line.projectId is not null)
            body["projectId"] = line.projectId;
        if (line.taxCodeId is not null)
            body["taxCodeId"] = line.taxCodeId;
        if (line.glAccountId is not null)
            body["glAccountId"] = line.glAccountId;
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
            [.. violations.Select(v => v.GetProperty("value").GetString())],
            functional);
    }
}
