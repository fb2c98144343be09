namespace StreamFinance.IntegrationTests.Stacks;

/// <summary>A <see cref="ContainerKafkaStack"/> per test class; skipped where no Docker engine answers.</summary>
public sealed class ContainerKafkaStackFixture : KafkaStackFixture
{
    /// <inheritdoc />
    protected override string? UnavailableReason() => DockerAvailability.UnavailableReason;

    /// <inheritdoc />
    protected override async Task<IKafkaStack> StartAsync(CancellationToken ct) => await ContainerKafkaStack.StartAsync(ct);
}
