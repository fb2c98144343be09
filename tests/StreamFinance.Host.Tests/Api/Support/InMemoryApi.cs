using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api;
using StreamFinance.Host.Api.Audit;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Api.Procurement;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;

namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>
/// The validation API over in-memory master data (<see cref="ValidationWorld"/> unless another look-up is given) on an
/// ephemeral port, started, with a client at its root; "today" is <see cref="ValidationApiStack.Now"/>. No broker needed.
/// </summary>
internal sealed class InMemoryApi : IAsyncDisposable
{
    private InMemoryApi(ValidationApiServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
    }

    public ValidationApiServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>Starts the API over <paramref name="lookup"/> with the expense policy <paramref name="expenses"/> (default <see cref="ExpenseOptions.Default"/>).</summary>
    /// <param name="audit">Where <c>GET /v1/audit/{id}</c> reads; default none (503).</param>
    /// <param name="procurement">The procurement topology's stores; default none (budget and order queries 503, requisitions not deducted).</param>
    public static async Task<InMemoryApi> StartAsync(
        IMasterDataLookup? lookup = null, string? apiKey = null, ExpenseOptions? expenses = null, IAuditTrail? audit = null, IProcurementBook? procurement = null)
    {
        var options = new ValidationApiOptions { Port = 0, ApiKey = apiKey };
        var context = new ValidationApiContext(options, lookup ?? ValidationWorld.Lookup(), new FxFallbackPolicy(), new FakeTimeProvider(ValidationApiStack.Now), expenses, audit, procurement);
        var server = new ValidationApiServer(context, NullLoggerFactory.Instance);
        try
        {
            await server.StartAsync(TestContext.Current.CancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return new InMemoryApi(server);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
