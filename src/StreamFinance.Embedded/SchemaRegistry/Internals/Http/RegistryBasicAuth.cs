using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>
/// HTTP basic authentication as a secured Confluent Schema Registry asks it: every request must carry
/// <c>Authorization: Basic base64(user:password)</c> with the one <c>user:password</c> the registry was started with,
/// else 401 with error code 401. The comparison is constant time over SHA-256 digests.
/// </summary>
internal static class RegistryBasicAuth
{
    public static void UseRegistryBasicAuth(this WebApplication app, string userInfo)
    {
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(userInfo));
        app.Use(async (context, next) =>
        {
            if (Presented(context.Request) is { } presented
                && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), expected))
            {
                await next(context);
                return;
            }
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"embedded schema registry\"";
            await RegistryResponse.Error(StatusCodes.Status401Unauthorized, 401, "Unauthorized: send the registry's user:password as HTTP basic authentication.")
                .ExecuteAsync(context);
        });
    }

    private static string? Presented(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
            return null;
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
