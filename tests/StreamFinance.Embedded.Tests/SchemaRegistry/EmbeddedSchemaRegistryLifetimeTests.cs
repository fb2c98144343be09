using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StreamFinance.Embedded.SchemaRegistry;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

public class EmbeddedSchemaRegistryLifetimeTests
{
    [Fact]
    public async Task Starting_on_a_port_already_in_use_fails_with_a_message_suggesting_port_zero()
    {
        await using var first = await EmbeddedSchemaRegistry.StartAsync(ct: TestContext.Current.CancellationToken);
        var port = new Uri(first.Url).Port;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            EmbeddedSchemaRegistry.StartAsync(port, ct: TestContext.Current.CancellationToken));

        Assert.Contains($"127.0.0.1:{port}", error.Message);
        Assert.Contains("port 0", error.Message);
    }

    [Fact]
    public async Task Disposing_releases_the_port_and_a_second_dispose_is_harmless()
    {
        var registry = await EmbeddedSchemaRegistry.StartAsync(ct: TestContext.Current.CancellationToken);
        var port = new Uri(registry.Url).Port;

        await registry.DisposeAsync();
        await registry.DisposeAsync();

        await using var again = await EmbeddedSchemaRegistry.StartAsync(port, ct: TestContext.Current.CancellationToken);
        Assert.Equal(port, new Uri(again.Url).Port);
    }

    [Fact]
    public async Task A_given_logger_factory_receives_the_servers_logs()
    {
        var provider = new CollectingLoggerProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));

        await using (var registry = await EmbeddedSchemaRegistry.StartAsync(loggerFactory: factory, ct: TestContext.Current.CancellationToken))
        {
            using var http = new HttpClient();
            await http.GetAsync(registry.Url + "/subjects", TestContext.Current.CancellationToken);
        }

        Assert.Contains(provider.Categories, category => category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public ConcurrentBag<string> Categories { get; } = [];

        public ILogger CreateLogger(string categoryName) => new CollectingLogger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class CollectingLogger(CollectingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                owner.Categories.Add(category);
        }
    }
}
