using Microsoft.AspNetCore.Http;

namespace StreamFinance.Host.Api.Http;

/// <summary>
/// Reads a JSON request body whole (at most <see cref="MaxBodyBytes"/>) and hands it to <see cref="JsonBodyParser"/>:
/// a body that is not JSON by its content type is a 415, a larger one a 413, and every way the JSON can be wrong a 400
/// validation problem whose <c>errors</c> name the members at fault (<c>$</c> for the body as a whole).
/// </summary>
internal static class JsonBodyReader
{
    /// <summary>Largest body read, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>The body, or the problem to answer instead.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpContext context, JsonBodyContract<T> contract) where T : class
    {
        var request = context.Request;
        if (request.ContentType is { Length: > 0 } contentType && !IsJson(contentType))
            return (null, Problems.UnsupportedMediaType(context));
        if (request.ContentLength > MaxBodyBytes)
            return (null, TooLarge(context));
        var pipe = request.BodyReader;
        while (true)
        {
            var read = await pipe.ReadAsync(context.RequestAborted);
            var buffer = read.Buffer;
            if (!read.IsCompleted && buffer.Length <= MaxBodyBytes)
            {
                pipe.AdvanceTo(buffer.Start, buffer.End);
                continue;
            }
            try
            {
                if (buffer.Length > MaxBodyBytes)
                    return (null, TooLarge(context));
                var body = JsonBodyParser.Parse(buffer, contract, out var problem);
                return body is not null ? (body, null) : (null, Problems.BadRequest(context, problem!.Detail, problem.Errors.ToDictionary()));
            }
            finally
            {
                pipe.AdvanceTo(buffer.End);
            }
        }
    }

    private static IResult TooLarge(HttpContext context) =>
        Problems.Status(context, StatusCodes.Status413PayloadTooLarge, "The body is too large", $"Send at most {MaxBodyBytes} bytes.");

    private static bool IsJson(string contentType)
    {
        var mediaType = contentType.AsSpan();
        var semicolon = mediaType.IndexOf(';');
        mediaType = (semicolon < 0 ? mediaType : mediaType[..semicolon]).Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
