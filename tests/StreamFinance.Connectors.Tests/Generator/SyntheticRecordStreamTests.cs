using StreamFinance.Connectors.Generator;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;

namespace StreamFinance.Connectors.Tests.Generator;

public class SyntheticRecordStreamTests
{
    private static readonly DateTime Today = new(2026, 11, 26, 0, 0, 0, DateTimeKind.Utc);

    private static List<IngestItem> Take(int count, GeneratorConnectorOptions options)
    {
        var generator = new SampleDataGenerator(options.Seed, () => Today);
        _ = generator.MasterData().Count();
        var stream = new SyntheticRecordStream(generator, options);
        return Enumerable.Range(0, count).Select(_ => stream.Next()).ToList();
    }

    private static string? Key(IngestItem item) => item.Record is { } r ? ((Envelope)r.Value.GetType().GetProperty("envelope")!.GetValue(r.Value)!).idempotencyKey : null;

    [Fact]
    public void The_same_seed_gives_the_same_records_in_the_same_order()
    {
        var options = new GeneratorConnectorOptions { Seed = 7 };
        Assert.Equal(Take(500, options).Select(Key), Take(500, options).Select(Key));
        Assert.NotEqual(Take(50, options).Select(Key), Take(50, new GeneratorConnectorOptions { Seed = 8 }).Select(Key));
    }

    [Fact]
    public void Duplicates_re_send_earlier_records_with_their_idempotency_key_at_about_the_configured_share()
    {
        var items = Take(4000, new GeneratorConnectorOptions { DuplicateShare = 0.1, InvalidShare = 0 });

        var keys = items.Select(Key).ToList();
        var duplicates = keys.Count - keys.Distinct().Count();
        Assert.InRange(duplicates, 300, 500);
        Assert.Equal(Enumerable.Range(1, 4000).Select(i => (long)i), items.Select(i => i.Position.Line));
    }

    [Fact]
    public void Invalid_records_are_unparseable_or_rejected_downstream_at_about_the_configured_share()
    {
        var items = Take(3000, new GeneratorConnectorOptions { DuplicateShare = 0, InvalidShare = 0.3 });

        var unparseable = items.Count(i => i.Failure is not null);
        var inactive = items.Count(i => i.Record?.Value is ExpenseLine { costCenterId: "CC-1042" });
        var noReceipt = items.Count(i => i.Record?.Value is ExpenseLine { receiptAttached: false });
        Assert.InRange(unparseable, 200, 400);
        Assert.InRange(inactive, 200, 450);
        Assert.InRange(noReceipt, 200, 700);
        Assert.All(items.Where(i => i.Failure is not null), i => Assert.False(i.Raw.IsEmpty));
    }
}
