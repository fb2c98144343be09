namespace StreamFinance.IntegrationTests.Stacks;

/// <summary>An <see cref="EmbeddedKafkaStack"/> per test class; available everywhere.</summary>
public sealed class EmbeddedKafkaStackFixture : KafkaStackFixture
{
    /// <inheritdoc />
    protected override string? UnavailableReason() => null;

    /// <inheritdoc />
    protected override async Task<IKafkaStack> StartAsync(CancellationToken ct) => await EmbeddedKafkaStack.StartAsync();
}
