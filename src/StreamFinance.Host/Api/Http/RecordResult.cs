using System.Globalization;
using System.Text.Json;
using Avro.Specific;
using Microsoft.AspNetCore.Http;
using StreamFinance.Contracts;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// 200 answer of a master-data look-up: the version in force on the date asked, as
/// <c>{"objectType","businessKey","asOf","effectiveFrom","record":{...}}</c>, the record rendered by <see cref="AvroJsonWriter"/>
/// (decimals as exact strings, dates as ISO dates, enums by name).
/// </summary>
internal sealed class RecordResult(string objectType, string businessKey, DateOnly asOf, DateOnly effectiveFrom, ISpecificRecord record) : IResult
{
    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("objectType", objectType);
        writer.WriteString("businessKey", businessKey);
        writer.WriteString("asOf", asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WriteString("effectiveFrom", effectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        writer.WritePropertyName("record");
        AvroJsonWriter.Write(writer, record);
        writer.WriteEndObject();
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
