namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>Base for tests that need a running registry; xunit creates one instance, so one registry, per test.</summary>
public abstract class RegistryTest : IAsyncLifetime
{
    private RunningRegistry? running;

    internal RunningRegistry Sr => running ?? throw new InvalidOperationException("The registry starts in InitializeAsync.");

    public async ValueTask InitializeAsync() => running = await RunningRegistry.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (running is not null)
        {
            await running.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
