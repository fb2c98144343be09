using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Topologies.Tests.DeadLetters;

/// <summary>Dead-letter topics with unique names, so each test's metric series is its own.</summary>
internal static class TestDeadLetterTopics
{
    public static Topic<string, DeadLetter> Unique(string prefix = "dlq.test") => new()
    {
        Name = $"{prefix}-{Guid.NewGuid():N}",
        Partitions = 1,
        Cleanup = CleanupPolicy.Delete,
        KeyDescription = "original record key",
        Description = "Dead letters of one test.",
    };
}
