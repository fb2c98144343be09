using System.Text.Json;
using System.Text.Json.Serialization;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Source-generated JSON for the API's bodies: camelCase, unknown request properties refused (a typo such as
/// <c>costCentreId</c> is a 400, not a silently missing field), amounts readable from numbers or numeric strings.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    PropertyNameCaseInsensitive = false,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ExpenseCodingBody))]
[JsonSerializable(typeof(RequisitionBody))]
[JsonSerializable(typeof(ExpenseCodingResponse))]
[JsonSerializable(typeof(RequisitionResponse))]
[JsonSerializable(typeof(FxRateResponse))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
