namespace StreamFinance.Benchmarks.ValidationApi;

/// <summary>How the validation API benchmark loads the API.</summary>
/// <param name="Rate">Requests per second, open loop. Default 2000.</param>
/// <param name="Duration">Measured time per run. Default 20 s.</param>
/// <param name="Warmup">Load before each measured run, excluded from the figures. Default 5 s.</param>
/// <param name="Connections">Most HTTP/1.1 connections the client keeps open. Default 64.</param>
/// <param name="Seed">Seed of the sample data and of the request mix. Default 42.</param>
internal sealed record ValidationApiBenchmarkSettings(int Rate, TimeSpan Duration, TimeSpan Warmup, int Connections, int Seed)
{
    public IEnumerable<string> Validate()
    {
        if (Rate is < 1 or > 200_000)
            yield return $"--rate {Rate}: use 1 to 200000 requests per second.";
        if (Duration < TimeSpan.FromSeconds(1))
            yield return "--duration: measure for at least 1 second.";
        if (Warmup < TimeSpan.Zero)
            yield return "--warmup: use 0 or more seconds.";
        if (Connections is < 1 or > 10_000)
            yield return $"--connections {Connections}: use 1 to 10000.";
    }
}
