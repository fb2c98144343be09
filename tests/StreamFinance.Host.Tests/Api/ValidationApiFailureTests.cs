using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Host.Api;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Api.MasterData;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Host.Configuration;
using StreamFinance.Host.Tests.Api.Support;

namespace StreamFinance.Host.Tests.Api;

public class ValidationApiFailureTests
{
    /// <summary>A lookup that fails like a bug would.</summary>
    private sealed class BrokenLookup : IMasterDataLookup
    {
        public MasterDataHistory? Find(string objectType, string businessKey) => throw new InvalidOperationException("secret internal detail at Frame.Method()");

        public IReadOnlyList<MasterDataHistory> FindByPrefix(string objectType, string businessKeyPrefix, int limit) => throw new InvalidOperationException("secret internal detail");
    }

    private static ValidationApiServer Server(IMasterDataLookup lookup, int port = 0) =>
        new(new ValidationApiContext(new ValidationApiOptions { Port = port }, lookup, new FxFallbackPolicy(), new FakeTimeProvider(ValidationApiStack.Now)), NullLoggerFactory.Instance);

    [Fact]
    public async Task An_unexpected_failure_is_a_500_problem_with_a_trace_id_and_no_internals()
    {
        await using var server = Server(new BrokenLookup());
        await server.StartAsync(TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };

        var response = await ApiResponse.GetAsync(http, "/v1/cost-centers/CC-1000");

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Equal("application/problem+json", response.MediaType);
        var traceId = response.Text("traceId");
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Contains(traceId, response.Text("detail"));
        Assert.DoesNotContain("secret", response.Body);
        Assert.DoesNotContain("InvalidOperationException", response.Body);
    }

    [Fact]
    public async Task Api_port_in_use_fails_start_naming_the_port_and_the_setting()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        await using var server = Server(ValidationWorld.Lookup(), port);

        var error = await Assert.ThrowsAsync<ConfigurationException>(() => server.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains($"Api:Port {port}", error.Message);
        Assert.Contains("already in use", error.Message);
    }

    [Fact]
    public async Task The_api_listens_on_loopback_by_default()
    {
        await using var server = Server(ValidationWorld.Lookup());
        await server.StartAsync(TestContext.Current.CancellationToken);

        Assert.Equal("127.0.0.1", server.BaseAddress!.Host);
        Assert.Equal("/v1", server.ApiAddress!.AbsolutePath);
    }
}
