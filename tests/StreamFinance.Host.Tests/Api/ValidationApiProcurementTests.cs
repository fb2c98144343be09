using System.Net;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Api.Procurement;
using StreamFinance.Host.Tests.Api.Support;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.Holds;
using StreamFinance.Rules.Procurement;
using StreamFinance.Topologies.Procurement;

namespace StreamFinance.Host.Tests.Api;

/// <summary>
/// <c>GET /v1/budgets/{costCenterOrProject}</c>, <c>GET /v1/purchase-orders/{poNumber}</c> and the requisition's budget
/// basis over the procurement topology's figures: answers validate against the OpenAPI document; 404 for what the
/// topology does not know; 503 with Retry-After when the process does not run it.
/// </summary>
public sealed class ValidationApiProcurementTests
{
    private static readonly DateTimeOffset HeldAt = new(2026, 3, 19, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_budget_position_is_the_budget_less_open_commitments_and_actuals_of_the_period_containing_the_date()
    {
        await using var api = await InMemoryApi.StartAsync(procurement: Stores());
        var contract = await ApiContract.FetchAsync(api.Http);

        var current = await ApiResponse.GetAsync(api.Http, "/v1/budgets/CC-1000");
        var named = await ApiResponse.GetAsync(api.Http, "/v1/budgets/CC-2000?period=DE01-2026-07&date=2026-04-01");

        Assert.Equal(HttpStatusCode.OK, current.Status);
        var problems = contract.Problems(contract.ResponseSchema("GET", "/v1/budgets/{costCenterOrProject}", 200, "application/json"), current.Json);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(current.Body)));
        Assert.Equal(("CC-1000/US01-2026-03", "10000.0000", "6000", "1500", "2500.0000", "BUDGET_LESS_OPEN_COMMITMENTS_AND_ACTUALS"),
            (current.Text("budgetKey"), current.Text("budget"), current.Text("committed"), current.Text("actual"), current.Text("available"), current.Text("budgetBasis")));
        Assert.Equal(HttpStatusCode.OK, named.Status);
        Assert.Equal(("DE01-2026-07", "EUR", "0", "5000.0000"), (named.Text("periodId"), named.Text("currency"), named.Text("committed"), named.Text("available")));
    }

    [Fact]
    public async Task A_budget_or_cost_center_that_does_not_exist_is_404_and_a_repeated_period_is_400()
    {
        await using var api = await InMemoryApi.StartAsync(procurement: Stores());

        var unknownCenter = await ApiResponse.GetAsync(api.Http, "/v1/budgets/CC-9999");
        var noBudget = await ApiResponse.GetAsync(api.Http, "/v1/budgets/CC-1000?period=US01-2026-04");
        var twice = await ApiResponse.GetAsync(api.Http, "/v1/budgets/CC-1000?period=US01-2026-03&period=US01-2026-04");

        Assert.Equal(HttpStatusCode.NotFound, unknownCenter.Status);
        Assert.Contains("CC-9999", unknownCenter.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, noBudget.Status);
        Assert.Contains("CC-1000/US01-2026-04", noBudget.Text("detail"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twice.Status);
    }

    [Fact]
    public async Task A_held_order_answers_its_status_committed_revision_and_every_hold_reason_and_an_unknown_one_is_404()
    {
        await using var api = await InMemoryApi.StartAsync(procurement: Stores());
        var contract = await ApiContract.FetchAsync(api.Http);

        var held = await ApiResponse.GetAsync(api.Http, "/v1/purchase-orders/4500012");
        var committed = await ApiResponse.GetAsync(api.Http, "/v1/purchase-orders/4500013");
        var unknown = await ApiResponse.GetAsync(api.Http, "/v1/purchase-orders/4599999");

        Assert.Equal(HttpStatusCode.OK, held.Status);
        var problems = contract.Problems(contract.ResponseSchema("GET", "/v1/purchase-orders/{poNumber}", 200, "application/json"), held.Json);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Prepend(held.Body)));
        Assert.Equal(("HELD", 1, 0), (held.Text("status"), held.Json.GetProperty("revision").GetInt32(), held.Json.GetProperty("committedRevision").GetInt32()));
        var hold = held.Json.GetProperty("hold");
        Assert.Equal("BUDGET_EXCEEDED", hold.GetProperty("reasonCode").GetString());
        Assert.Equal(HeldAt.UtcDateTime, hold.GetProperty("heldSince").GetDateTime().ToUniversalTime());
        Assert.Equal(["BUDGET_EXCEEDED", "SUPPLIER_RISK_HOLD"], hold.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal("4500012/R0", held.Json.GetProperty("commitment").GetProperty("commitmentId").GetString());
        Assert.Equal(("COMMITTED", "ADJUST"), (committed.Text("status"), committed.Json.GetProperty("commitment").GetProperty("kind").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, committed.Json.GetProperty("hold").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task A_requisition_deducts_the_procurement_figures_and_says_so_in_its_basis()
    {
        await using var api = await InMemoryApi.StartAsync(procurement: Stores());

        var fits = await ApiResponse.PostAsync(api.Http, "/v1/validate/requisition", """{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":2500,"currency":"USD"}""");
        var exceeds = await ApiResponse.PostAsync(api.Http, "/v1/validate/requisition", """{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":2500.01,"currency":"USD"}""");

        Assert.True(fits.Json.GetProperty("valid").GetBoolean(), fits.Body);
        var budget = fits.Json.GetProperty("budget");
        Assert.Equal(("6000", "1500", "2500.0000", "0.0000", "BUDGET_LESS_OPEN_COMMITMENTS_AND_ACTUALS"),
            (budget.GetProperty("committed").GetString(), budget.GetProperty("actual").GetString(), budget.GetProperty("available").GetString(),
             budget.GetProperty("remainingAfter").GetString(), budget.GetProperty("budgetBasis").GetString()));
        Assert.False(exceeds.Json.GetProperty("valid").GetBoolean());
        Assert.Equal("BUDGET_EXCEEDED", exceeds.Json.GetProperty("violations")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Without_the_procurement_topology_the_queries_are_503_with_retry_after_and_requisitions_say_nothing_is_deducted()
    {
        await using var api = await InMemoryApi.StartAsync();

        var budget = await ApiResponse.GetAsync(api.Http, "/v1/budgets/CC-1000");
        var order = await ApiResponse.GetAsync(api.Http, "/v1/purchase-orders/4500012");
        var requisition = await ApiResponse.PostAsync(api.Http, "/v1/validate/requisition", """{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":2500,"currency":"USD"}""");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable), (budget.Status, order.Status));
        Assert.Equal("5", budget.Message.Headers.GetValues("Retry-After").Single());
        Assert.Contains("procurement", budget.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("BUDGETED_AMOUNT_WITHOUT_COMMITMENTS", requisition.Json.GetProperty("budget").GetProperty("budgetBasis").GetString());
    }

    /// <summary>The stores of a procurement topology that committed 6,000 and saw 1,500 of actuals on CC-1000/US01-2026-03, holds 4500012 R1 (R0 committed) and committed 4500013 R2.</summary>
    private static FixedBook Stores()
    {
        var reasons = new List<HoldReason>
        {
            new() { code = "BUDGET_EXCEEDED", field = "lines[0].costCenterId", message = "PO 4500012 needs 4,000.00 USD on CC-1000/US01-2026-03; 2,500.00 USD available", awaits = "BUDGET:CC-1000/US01-2026-03" },
            new() { code = "SUPPLIER_RISK_HOLD", field = "supplierId", message = "supplier SUP-2 is rated HIGH", awaits = "SUPPLIER:SUP-2" },
        };
        var holdKey = ProcurementDecider.HoldKeyOf(HeldAt, "4500012");
        return new FixedBook(
            new Dictionary<string, BudgetBalance> { ["CC-1000/US01-2026-03"] = new(6_000m, 1_500m) },
            new Dictionary<string, PurchaseOrderStanding>
            {
                ["4500012"] = new("4500012", new OrderState(OrderStage.Held, 1, 0, holdKey, new Dictionary<string, decimal> { ["CC-1000/US01-2026-03"] = 2_000m }),
                    Commitment("4500012/R0", CommitmentKind.COMMIT, 2_000m), HeldRecords.Of("4500012", [1], null, DeadLetterOrigin.Unknown, HeldAt, reasons)),
                ["4500013"] = new("4500013", new OrderState(OrderStage.Committed, 2, 2, null, new Dictionary<string, decimal> { ["CC-1000/US01-2026-03"] = 4_000m }),
                    Commitment("4500013/R2", CommitmentKind.ADJUST, 4_000m), null),
            });
    }

    private static Commitment Commitment(string id, CommitmentKind kind, decimal total) =>
        new() { commitmentId = id, kind = kind, reconciliationId = $"CMT-{id}", functionalTotal = total.ToMoney("USD") };

    private sealed class FixedBook(IReadOnlyDictionary<string, BudgetBalance> balances, IReadOnlyDictionary<string, PurchaseOrderStanding> orders) : IProcurementBook
    {
        public BudgetBalance Of(string budgetKey) => balances.GetValueOrDefault(budgetKey) ?? BudgetBalance.None;

        public PurchaseOrderStanding? Order(string poNumber) => orders.GetValueOrDefault(poNumber);
    }
}
