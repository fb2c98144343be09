using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace StreamFinance.Embedded.SchemaRegistry.Internals.Http;

/// <summary>
/// Turns failures into Confluent's error body <c>{"error_code":N,"message":"..."}</c>:
/// store refusals keep their code, anything unexpected becomes 500 / 50001, unknown paths 404 / 404.
/// </summary>
internal static class RegistryErrorHandling
{
    public static void UseRegistryErrors(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EmbeddedSchemaRegistry));
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SchemaRegistryStoreException e) when (!context.Response.HasStarted)
            {
                await RegistryResponse.Error((int)e.Status, e.ErrorCode, e.Message).ExecuteAsync(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                logger.LogError(e, "Embedded Schema Registry failed on {Method} {Path}", context.Request.Method, context.Request.Path);
                await RegistryResponse.Error((int)HttpStatusCode.InternalServerError, SchemaRegistryErrorCodes.StoreError,
                    $"Error in the embedded schema registry: {e.Message}").ExecuteAsync(context);
            }
        });
    }

    public static IResult NotFoundPath(HttpContext context) =>
        RegistryResponse.Error(StatusCodes.Status404NotFound, 404,
            $"HTTP 404 Not Found: the embedded Schema Registry does not serve {context.Request.Method} {context.Request.Path}");

    public static SchemaRegistryStoreException BadRequest(string message) =>
        new(HttpStatusCode.BadRequest, 400, message);
}
