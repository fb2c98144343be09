using System.Globalization;
using System.Text;
using StreamFinance.Benchmarks.Load;
using StreamFinance.Connectors.Generator;

namespace StreamFinance.Benchmarks.ValidationApi;

/// <summary>
/// The requests of the validation API benchmark, drawn from the sample world with a fixed seed: half look-ups (cost
/// centers 20 %, suppliers 10 %, projects 5 %, tax codes 5 %, FX rates 10 %), half validations (expense coding 30 %,
/// requisitions 20 %), dated today or up to 9 days back, some in a foreign currency, some failing a rule.
/// </summary>
internal static class RequestMix
{
    /// <summary>Distinct requests generated; the load cycles through them.</summary>
    public const int Size = 2000;

    public static IReadOnlyList<RequestTemplate> Create(SampleWorld world, DateOnly today, int seed)
    {
        var random = new Random(seed);
        var requests = new List<RequestTemplate>(Size);
        for (var i = 0; i < Size; i++)
        {
            var date = today.AddDays(-random.Next(0, 10)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var roll = random.Next(100);
            requests.Add(roll switch
            {
                < 20 => Get("GET cost-center", $"/v1/cost-centers/{Pick(random, world.CostCenters).Id}?date={date}"),
                < 30 => Get("GET supplier", $"/v1/suppliers/{Pick(random, world.Suppliers).Id}?date={date}"),
                < 35 => Get("GET project", $"/v1/projects/{Pick(random, world.Projects).Id}?date={date}"),
                < 40 => Get("GET tax-code", $"/v1/tax-codes/{Pick(random, world.TaxCodes).Id}?date={date}"),
                < 50 => Get("GET fx-rate", $"/v1/fx-rates/{Pick(random, ["EUR", "JPY", "GBP"])}/USD?date={date}"),
                < 80 => ExpenseCoding(world, random, date),
                _ => Requisition(world, random, date),
            });
        }
        return requests;
    }

    private static RequestTemplate ExpenseCoding(SampleWorld world, Random random, string date)
    {
        var entity = Pick(random, world.Entities);
        var centers = world.CostCenters.Where(c => c.Entity == entity.Id).ToList();
        var projects = world.Projects.Where(p => p.Entity == entity.Id).ToList();
        var tax = world.TaxCodes.First(t => t.Jurisdiction.StartsWith(entity.Country, StringComparison.Ordinal));
        var currency = random.Next(4) == 0 ? Pick(random, ["USD", "EUR", "JPY"]) : entity.Currency;
        var project = random.Next(3) == 0 ? $",\"projectId\":\"{Pick(random, projects).Id}\"" : "";
        var amount = (random.Next(100, 500_000) / 100m).ToString(CultureInfo.InvariantCulture);
        return Post("POST expense-coding", "/v1/validate/expense-coding",
            $"{{\"legalEntityId\":\"{entity.Id}\",\"costCenterId\":\"{Pick(random, centers).Id}\",\"taxCodeId\":\"{tax.Id}\"{project}," +
            $"\"date\":\"{date}\",\"amount\":{amount},\"currency\":\"{currency}\"}}");
    }

    private static RequestTemplate Requisition(SampleWorld world, Random random, string date)
    {
        var center = Pick(random, world.CostCenters);
        var currency = world.Entities.First(e => e.Id == center.Entity).Currency;
        var amount = (random.Next(1_000, 30_000_000) / 100m * SampleWorld.PerUsd(currency)).ToString("0.00", CultureInfo.InvariantCulture);
        return Post("POST requisition", "/v1/validate/requisition",
            $"{{\"costCenterId\":\"{center.Id}\",\"supplierId\":\"{Pick(random, world.Suppliers).Id}\",\"date\":\"{date}\",\"amount\":{amount},\"currency\":\"{currency}\"}}");
    }

    private static RequestTemplate Get(string kind, string path) => new(kind, HttpMethod.Get, path, null);

    private static RequestTemplate Post(string kind, string path, string json) => new(kind, HttpMethod.Post, path, Encoding.UTF8.GetBytes(json));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
