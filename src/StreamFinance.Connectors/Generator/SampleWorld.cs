namespace StreamFinance.Connectors.Generator;

/// <summary>
/// The fixed reference data the generator draws from: a small multinational group with three legal entities in
/// three currencies (one with zero minor units), their cost centers, employees, projects, suppliers and accounts.
/// Transactions reference these ids, so that the master data and the transactions agree, except where the
/// generator deliberately makes them disagree.
/// </summary>
public sealed class SampleWorld
{
    /// <summary>A legal entity of the sample group.</summary>
    public sealed record Entity(string Id, string Name, string Country, string Currency);

    /// <summary>Expense category with its GL account and typical amount range in the entity's currency units of USD.</summary>
    public sealed record Category(string Name, string GlAccountId, decimal MinUsd, decimal MaxUsd, string[] Merchants, string Mcc);

    /// <summary>The group's legal entities.</summary>
    public IReadOnlyList<Entity> Entities { get; } =
    [
        new("US01", "StreamFinance Demo Inc.", "US", "USD"),
        new("DE01", "StreamFinance Demo GmbH", "DE", "EUR"),
        new("JP01", "StreamFinance Demo K.K.", "JP", "JPY"),
    ];

    /// <summary>Expense categories and where they post.</summary>
    public IReadOnlyList<Category> Categories { get; } =
    [
        new("AIRFARE", "640100", 180m, 1400m, ["Lufthansa", "United Airlines", "ANA", "Delta"], "4511"),
        new("HOTEL", "640200", 90m, 600m, ["Marriott", "Hilton", "Hotel Adlon", "Park Hyatt"], "7011"),
        new("MEALS", "640300", 12m, 180m, ["Pret A Manger", "Starbucks", "Vapiano", "Ichiran"], "5812"),
        new("GROUND_TRANSPORT", "640400", 8m, 140m, ["Uber", "Lyft", "Deutsche Bahn", "JR East"], "4121"),
        new("SOFTWARE", "650100", 10m, 900m, ["GitHub", "Atlassian", "JetBrains", "Figma"], "5734"),
        new("OFFICE_SUPPLIES", "650200", 5m, 250m, ["Staples", "Amazon Business", "Viking", "Askul"], "5943"),
    ];

    /// <summary>Cost centers per entity: id, name.</summary>
    public IReadOnlyList<(string Id, string Entity, string Name)> CostCenters { get; } =
    [
        ("CC-1000", "US01", "Finance"), ("CC-1010", "US01", "Sales East"), ("CC-1020", "US01", "Engineering"), ("CC-1042", "US01", "Marketing Events"),
        ("CC-2000", "DE01", "Finanzen"), ("CC-2010", "DE01", "Vertrieb"), ("CC-2020", "DE01", "Entwicklung"),
        ("CC-3000", "JP01", "Keiri"), ("CC-3010", "JP01", "Eigyo"),
    ];

    /// <summary>Purchase-order approval limit of each entity's approver (its first employee), in USD; converted at <see cref="PerUsd"/>.</summary>
    public const decimal ApprovalLimitUsd = 1_000_000m;

    /// <summary>The cost center made inactive in the sample data, so that expenses coded to it show up as exceptions.</summary>
    public string InactiveCostCenter => "CC-1042";

    /// <summary>Projects: id, entity, open.</summary>
    public IReadOnlyList<(string Id, string Entity, bool Open)> Projects { get; } =
    [
        ("PRJ-ERP-2026", "US01", true), ("PRJ-EU-LAUNCH", "DE01", true), ("PRJ-APAC-OPS", "JP01", true), ("PRJ-LEGACY-2024", "US01", false),
    ];

    /// <summary>Tax codes: id, jurisdiction, rate.</summary>
    public IReadOnlyList<(string Id, string Jurisdiction, decimal Rate)> TaxCodes { get; } =
    [
        ("US-EXEMPT", "US", 0m), ("US-CA-SALES", "US-CA", 0.0725m), ("DE-VAT19", "DE", 0.19m), ("DE-VAT7", "DE", 0.07m), ("JP-CT10", "JP", 0.10m),
    ];

    /// <summary>Suppliers: id, legal name, country, tax id.</summary>
    public IReadOnlyList<(string Id, string Name, string Country, string TaxId)> Suppliers { get; } =
    [
        ("SUP-0001", "Acme Industrial Supply Inc.", "US", "US-94-1234567"),
        ("SUP-0002", "Müller Bürotechnik GmbH", "DE", "DE811234567"),
        ("SUP-0003", "Tanaka Seisakusho K.K.", "JP", "JP-T1234567890123"),
        ("SUP-0004", "Northwind Traders Ltd", "US", "US-95-7654321"),
        ("SUP-0005", "Contoso Logistics S.A.", "DE", "DE298765432"),
    ];

    /// <summary>The ERP supplier that procurement also knows under its own id, spelled differently (a duplicate for the demo).</summary>
    public string DuplicateSupplier => "SUP-0002";

    /// <summary>Procurement's id of <see cref="DuplicateSupplier"/>.</summary>
    public string ProcurementDuplicateId => "CP-7002";

    /// <summary>Employees per entity: 8 per entity, ids E-US01-001 ...</summary>
    public IReadOnlyList<(string Id, string Entity, string CostCenter)> Employees { get; }

    /// <summary>Builds the world; deterministic.</summary>
    public SampleWorld()
    {
        var employees = new List<(string, string, string)>();
        foreach (var entity in Entities)
        {
            var centers = CostCenters.Where(c => c.Entity == entity.Id && c.Id != InactiveCostCenter).ToList();
            for (var i = 1; i <= 8; i++)
                employees.Add(($"E-{entity.Id}-{i:000}", entity.Id, centers[i % centers.Count].Id));
        }
        Employees = employees;
    }

    /// <summary>Units of <paramref name="currency"/> per USD, used to scale amounts and to publish rates.</summary>
    public static decimal PerUsd(string currency) => currency switch
    {
        "USD" => 1m,
        "EUR" => 0.92m,
        "JPY" => 151.3m,
        "GBP" => 0.79m,
        _ => throw new ArgumentOutOfRangeException(nameof(currency), currency, "No sample rate for this currency."),
    };
}
