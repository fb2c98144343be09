using StreamFinance.Connectors.Generator;

namespace StreamFinance.Connectors.Tests.Generator;

/// <summary>The topic usage trusts what the generator declares it writes; these hold the declaration to what it generates.</summary>
public class GeneratorTopicsTests
{
    private static readonly DateTime Today = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_generator_writes_exactly_the_topics_it_declares()
    {
        var generator = new SampleDataGenerator(42, () => Today);

        var records = generator.MasterData().Concat(Enumerable.Range(0, 2000).Select(_ => generator.NextTransaction()));

        Assert.Equal(
            SampleDataGenerator.WrittenTopics.Select(t => t.Name).Order(StringComparer.Ordinal),
            records.Select(r => r.Topic.Name).Distinct().Order(StringComparer.Ordinal));
    }
}
