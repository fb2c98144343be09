using System.Text.Json;
using System.Text.Json.Serialization;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Source-generated JSON for the API's bodies: camelCase, case-sensitive names, every member written (null included).
/// Request bodies refuse unknown members (a typo such as <c>costCentreId</c> is a 400, not a silently missing field) and
/// declare their required members and the amounts readable from numeric strings on their own types, so that the OpenAPI
/// document, which is built from the same contracts, says so too. Numbers are otherwise strict (the web defaults would read
/// any number from a string), and a member given twice is refused, not last-one-wins.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    NumberHandling = JsonNumberHandling.Strict,
    PropertyNameCaseInsensitive = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ExpenseCodingBody))]
[JsonSerializable(typeof(RequisitionBody))]
[JsonSerializable(typeof(ExpenseCodingResponse))]
[JsonSerializable(typeof(RequisitionResponse))]
[JsonSerializable(typeof(FxRateResponse))]
[JsonSerializable(typeof(AuditTrailResponse))]
[JsonSerializable(typeof(BudgetPositionResponse))]
[JsonSerializable(typeof(PurchaseOrderStatusResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
