using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Reads a JSON request body into its DTO, turning every way it can be malformed (not JSON, empty, not an object,
/// unknown or mistyped property, too large) into a 400 or 415 problem rather than an exception.
/// </summary>
internal static partial class JsonBodyReader
{
    /// <summary>Largest body read, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The body, or the problem to answer instead.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, string expected) where T : class
    {
        var request = context.Request;
        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
            return (null, Problems.UnsupportedMediaType(context));
        if (request.ContentLength > MaxBodyBytes)
            return (null, Problems.Status(context, StatusCodes.Status413PayloadTooLarge, "The body is too large", $"Send at most {MaxBodyBytes} bytes."));
        try
        {
            var body = await JsonSerializer.DeserializeAsync(request.Body, type, context.RequestAborted);
            return body is null
                ? (null, Problems.BadRequest(context, $"The body is JSON null: send a JSON object with {expected}."))
                : (body, null);
        }
        catch (JsonException e)
        {
            return (null, Problems.BadRequest(context, Describe(e, expected)));
        }
    }

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static string Describe(JsonException e, string expected)
    {
        var where = e.Path is { Length: > 1 } path ? $" at {path}" : "";
        var position = e.LineNumber is { } line ? $" (line {line + 1}, byte {e.BytePositionInLine + 1})" : "";
        if (UnmappedProperty().Match(e.Message) is { Success: true } unmapped)
            return $"Unknown property '{unmapped.Groups[1].Value}'. Send a JSON object with {expected}.";
        if (e.Message.Contains("could not be converted", StringComparison.Ordinal))
            return $"The value{where}{position} has the wrong type. Send a JSON object with {expected}.";
        if (e.Message.Contains("does not contain any JSON tokens", StringComparison.Ordinal))
            return $"The body is empty. Send a JSON object with {expected}.";
        return $"The body is not well-formed JSON{where}{position}. Send a JSON object with {expected}.";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedProperty();
}
