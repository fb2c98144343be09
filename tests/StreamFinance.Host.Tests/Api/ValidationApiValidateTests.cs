using System.Net;
using StreamFinance.Host.Tests.Api.Support;

namespace StreamFinance.Host.Tests.Api;

[Collection(ValidationApiCollection.Name)]
public class ValidationApiValidateTests(ValidationApiStack stack)
{
    private const string ExpenseCoding = "/v1/validate/expense-coding";
    private const string Requisition = "/v1/validate/requisition";

    [Fact]
    public async Task Valid_expense_coding_in_a_foreign_currency_is_valid_with_its_functional_amount()
    {
        var response = await ApiResponse.PostAsync(stack.Http, ExpenseCoding,
            """{"legalEntityId":"US01","costCenterId":"CC-1000","projectId":"PRJ-ERP","taxCodeId":"US-CA-SALES","date":"2026-03-30","amount":100,"currency":"EUR"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Json.GetProperty("valid").GetBoolean(), response.Body);
        Assert.Equal(0, response.Json.GetProperty("violations").GetArrayLength());
        var functional = response.Json.GetProperty("functionalAmount");
        Assert.Equal(("108.50", "USD", "1.08500000", "2026-03-30"),
            (functional.GetProperty("convertedAmount").GetString(), functional.GetProperty("convertedCurrency").GetString(),
             functional.GetProperty("rate").GetString(), functional.GetProperty("rateDate").GetString()));
    }

    [Fact]
    public async Task Expense_coded_to_a_deactivated_cost_center_lists_the_violation_with_code_field_value_and_message()
    {
        var response = await ApiResponse.PostAsync(stack.Http, ExpenseCoding,
            """{"legalEntityId":"US01","costCenterId":"CC-1042","date":"2026-04-01","amount":"12.50","currency":"USD"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.False(response.Json.GetProperty("valid").GetBoolean());
        var violation = Assert.Single(response.Json.GetProperty("violations").EnumerateArray());
        Assert.Equal(("INACTIVE_COST_CENTER", "costCenterId", "CC-1042", "cost center CC-1042 is inactive since 2026-03-31"),
            (violation.GetProperty("code").GetString(), violation.GetProperty("field").GetString(), violation.GetProperty("value").GetString(),
             violation.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task Requisition_answers_the_budget_it_was_measured_against_and_its_basis()
    {
        var response = await ApiResponse.PostAsync(stack.Http, Requisition,
            """{"costCenterId":"CC-1000","supplierId":"SUP-1","amount":2500,"currency":"USD"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Json.GetProperty("valid").GetBoolean(), response.Body);
        Assert.Equal("2026-03-20", response.Text("asOf"));
        var budget = response.Json.GetProperty("budget");
        Assert.Equal(("CC-1000/US01-2026-03", "10000.0000", "7500.0000", "BUDGETED_AMOUNT_WITHOUT_COMMITMENTS"),
            (budget.GetProperty("budgetId").GetString(), budget.GetProperty("budgetAmount").GetString(),
             budget.GetProperty("remainingAfter").GetString(), budget.GetProperty("budgetBasis").GetString()));
        Assert.Contains("not deducted", budget.GetProperty("note").GetString());
    }

    [Fact]
    public async Task Requisition_to_a_blocked_supplier_over_budget_lists_both_violations()
    {
        var response = await ApiResponse.PostAsync(stack.Http, Requisition,
            """{"costCenterId":"CC-1000","supplierId":"SUP-2","amount":25000,"currency":"USD","date":"2026-03-20"}""");

        Assert.False(response.Json.GetProperty("valid").GetBoolean());
        Assert.Equal(["SUPPLIER_BLOCKED", "BUDGET_EXCEEDED"], response.Json.GetProperty("violations").EnumerateArray().Select(v => v.GetProperty("code").GetString()));
    }

    [Theory]
    [InlineData("not json", "not well-formed JSON")]
    [InlineData("", "The body is empty")]
    [InlineData("null", "JSON null")]
    [InlineData("[1,2]", "wrong type")]
    [InlineData("""{"legalEntityId":"US01","costCentreId":"CC-1000"}""", "Unknown property 'costCentreId'")]
    [InlineData("""{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":true,"currency":"USD"}""", "at $.amount")]
    [InlineData("""{"legalEntityId":"US01",""", "not well-formed JSON")]
    public async Task Malformed_json_is_400_problem_details_never_500(string body, string detail)
    {
        var response = await ApiResponse.PostAsync(stack.Http, ExpenseCoding, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Equal("The request is invalid", response.Text("title"));
        Assert.Contains(detail, response.Text("detail"));
        Assert.Equal(ExpenseCoding, response.Text("instance"));
        Assert.False(string.IsNullOrEmpty(response.Text("traceId")));
    }

    [Theory]
    [InlineData("""{"costCenterId":"CC-1000","date":"2026-03-20","amount":1,"currency":"USD"}""", "legalEntityId", "is required")]
    [InlineData("""{"legalEntityId":" ","costCenterId":"CC-1000","date":"2026-03-20","amount":1,"currency":"USD"}""", "legalEntityId", "must not be blank")]
    [InlineData("""{"legalEntityId":"US01","costCenterId":"CC-1000","date":"20.03.2026","amount":1,"currency":"USD"}""", "date", "is not a date in the form yyyy-MM-dd")]
    [InlineData("""{"legalEntityId":"US01","costCenterId":"CC-1000","amount":1,"currency":"USD"}""", "date", "is required")]
    [InlineData("""{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":-5,"currency":"USD"}""", "amount", "must not be negative")]
    [InlineData("""{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":1.00001,"currency":"USD"}""", "amount", "more than 4 decimal places")]
    [InlineData("""{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":1,"currency":"usd"}""", "currency", "is not an ISO 4217 code")]
    [InlineData("""{"legalEntityId":"US01","costCenterId":"CC-1000","date":"2026-03-20","amount":1,"currency":"XYZ"}""", "currency", "is not a known ISO 4217 currency")]
    public async Task Missing_or_invalid_field_is_400_with_the_field_in_errors(string body, string field, string problem)
    {
        var response = await ApiResponse.PostAsync(stack.Http, ExpenseCoding, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        var messages = response.Json.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requisition_missing_everything_lists_every_required_field()
    {
        var response = await ApiResponse.PostAsync(stack.Http, Requisition, "{}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        var fields = response.Json.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order().ToList();
        Assert.Equal(["amount", "costCenterId", "currency", "supplierId"], fields);
    }

    [Fact]
    public async Task Body_that_is_not_json_by_content_type_is_415_problem()
    {
        var response = await ApiResponse.PostAsync(stack.Http, Requisition, "costCenterId=CC-1000", "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
    }
}
