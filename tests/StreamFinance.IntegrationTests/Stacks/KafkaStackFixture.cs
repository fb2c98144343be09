namespace StreamFinance.IntegrationTests.Stacks;

/// <summary>
/// Starts one stack per test class and stops it afterwards. When the stack cannot run on this machine
/// (no Docker engine for containers), nothing is started and every test asking for the stack is reported
/// Skipped with the reason: never Passed.
/// </summary>
public abstract class KafkaStackFixture : IAsyncLifetime
{
    private IKafkaStack? stack;
    private string? unavailableReason;

    /// <summary>The running stack; skips the calling test when the stack is unavailable here.</summary>
    public IKafkaStack Stack
    {
        get
        {
            Assert.SkipWhen(unavailableReason is not null, unavailableReason ?? "");
            return stack ?? throw new InvalidOperationException("The Kafka stack fixture was used before xunit initialised it.");
        }
    }

    /// <summary>Why the stack cannot run on this machine, or null when it can.</summary>
    protected abstract string? UnavailableReason();

    /// <summary>Starts the stack.</summary>
    protected abstract Task<IKafkaStack> StartAsync(CancellationToken ct);

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        unavailableReason = UnavailableReason();
        if (unavailableReason is null)
        {
            stack = await StartAsync(TestContext.Current.CancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (stack is not null)
        {
            await stack.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}
