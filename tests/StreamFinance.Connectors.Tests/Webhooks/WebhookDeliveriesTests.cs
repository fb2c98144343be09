using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Connectors.Webhooks;

namespace StreamFinance.Connectors.Tests.Webhooks;

public sealed class WebhookDeliveriesTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 5, 0, 0, TimeSpan.Zero));
    private readonly InMemoryOffsetStore offsets = new();

    private WebhookDeliveries Deliveries(int capacity = 100) => new("hooks", offsets, clock, TimeSpan.FromSeconds(300), capacity, NullLogger.Instance);

    private static byte[] Body(int n) => Encoding.UTF8.GetBytes($"body {n}");

    [Fact]
    public async Task Memory_stays_within_its_capacity_by_forgetting_the_delivery_closest_to_the_end_of_its_window()
    {
        var deliveries = Deliveries(capacity: 100);
        for (var i = 0; i < 250; i++)
        {
            var check = deliveries.Begin($"evt-{i}", Body(i), clock.GetUtcNow());
            await deliveries.AcceptAsync(check.Delivery!, TestContext.Current.CancellationToken);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(100, deliveries.Count);
        Assert.Equal(WebhookDeliveryStatus.New, deliveries.Begin("evt-0", Body(0), clock.GetUtcNow()).Status);
        Assert.Equal(WebhookDeliveryStatus.SeenEventId, deliveries.Begin("evt-249", Body(999), clock.GetUtcNow()).Status);
    }

    [Fact]
    public async Task A_delivery_signed_ahead_of_the_receivers_clock_is_remembered_until_its_signature_is_stale()
    {
        var deliveries = Deliveries();
        var check = deliveries.Begin("evt-1", Body(1), clock.GetUtcNow().AddSeconds(200));
        await deliveries.AcceptAsync(check.Delivery!, TestContext.Current.CancellationToken);

        clock.Advance(TimeSpan.FromSeconds(450));

        Assert.Equal(WebhookDeliveryStatus.SeenEventId, deliveries.Begin("evt-1", Body(1), clock.GetUtcNow()).Status);
    }

    [Fact]
    public void A_delivery_being_stored_makes_the_same_event_or_body_wait_and_an_abandoned_one_is_forgotten()
    {
        var deliveries = Deliveries();
        var first = deliveries.Begin("evt-1", Body(1), clock.GetUtcNow());

        Assert.Equal(WebhookDeliveryStatus.InProgress, deliveries.Begin("evt-1", Body(2), clock.GetUtcNow()).Status);
        Assert.Equal(WebhookDeliveryStatus.InProgress, deliveries.Begin("evt-2", Body(1), clock.GetUtcNow()).Status);
        deliveries.Abandon(first.Delivery!);
        Assert.Equal(WebhookDeliveryStatus.New, deliveries.Begin("evt-1", Body(1), clock.GetUtcNow()).Status);
    }

    [Fact]
    public async Task Remembered_deliveries_are_kept_in_a_fixed_number_of_offset_records()
    {
        var deliveries = Deliveries(capacity: 10_000);
        for (var i = 0; i < 2000; i++)
        {
            await deliveries.AcceptAsync(deliveries.Begin($"evt-{i}", Body(i), clock.GetUtcNow()).Delivery!, TestContext.Current.CancellationToken);
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var kept = await offsets.LoadAsync("hooks", TestContext.Current.CancellationToken);
        Assert.InRange(kept.Count, 1, 62); // a ring of 10 s slots over twice the tolerance (2 x 300 s / 10 s + 2), however many deliveries
        var restarted = Deliveries(capacity: 10_000);
        await restarted.LoadAsync(TestContext.Current.CancellationToken);
        Assert.Equal(299, restarted.Count); // those accepted less than 300 s ago
        Assert.Equal(WebhookDeliveryStatus.SeenBody, restarted.Begin("evt-x", Body(1999), clock.GetUtcNow()).Status);
        Assert.Equal(WebhookDeliveryStatus.New, restarted.Begin("evt-1000", Body(1000), clock.GetUtcNow()).Status);
    }
}
