namespace StreamFinance.Domain.Expenses;

/// <summary>
/// The expense policy of the expense topology, bound from the host's <see cref="Section"/> settings section. Every
/// property has a documented default that fits the sample world (entities US01/USD, DE01/EUR, JP01/JPY); amounts are in
/// the legal entity's functional currency and keyed by its ISO 4217 code, so one policy serves every entity.
/// </summary>
public sealed class ExpenseOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Expenses";

    /// <summary>
    /// GL account per expense category (<c>ExpenseLine.category</c>), used when the line names no <c>glAccountId</c>.
    /// Default: AIRFARE 640100, HOTEL 640200, MEALS 640300, GROUND_TRANSPORT 640400, SOFTWARE 650100, OFFICE_SUPPLIES 650200.
    /// A category that is not listed (and has no override on the line) is dead-lettered as <c>UNMAPPED_CATEGORY</c>.
    /// </summary>
    public Dictionary<string, string> CategoryGlAccounts { get; set; } = new(StringComparer.Ordinal)
    {
        ["AIRFARE"] = "640100", ["HOTEL"] = "640200", ["MEALS"] = "640300",
        ["GROUND_TRANSPORT"] = "640400", ["SOFTWARE"] = "650100", ["OFFICE_SUPPLIES"] = "650200",
    };

    /// <summary>
    /// Most a single line of a category may amount to, per functional currency: category -> currency -> limit. A
    /// category or currency that is not listed has no limit. Default: MEALS 150 USD / 140 EUR / 22000 JPY;
    /// HOTEL 600 USD / 550 EUR / 90000 JPY.
    /// </summary>
    public Dictionary<string, Dictionary<string, decimal>> CategoryLimits { get; set; } = new(StringComparer.Ordinal)
    {
        ["MEALS"] = new(StringComparer.Ordinal) { ["USD"] = 150m, ["EUR"] = 140m, ["JPY"] = 22000m },
        ["HOTEL"] = new(StringComparer.Ordinal) { ["USD"] = 600m, ["EUR"] = 550m, ["JPY"] = 90000m },
    };

    /// <summary>
    /// Amount in the functional currency above which a receipt must be attached, per currency. A currency that is not
    /// listed requires no receipt. Default 75 USD, 70 EUR, 10000 JPY.
    /// </summary>
    public Dictionary<string, decimal> ReceiptThresholds { get; set; } = new(StringComparer.Ordinal)
    {
        ["USD"] = 75m, ["EUR"] = 70m, ["JPY"] = 10000m,
    };

    /// <summary>
    /// Tax code applied per legal entity when the line names none (its jurisdiction comes from master data). Default
    /// US01 US-EXEMPT, DE01 DE-VAT19, JP01 JP-CT10. A line without tax code of an entity not listed is dead-lettered as
    /// <c>INVALID_TAX_JURISDICTION</c>.
    /// </summary>
    public Dictionary<string, string> DefaultTaxCodes { get; set; } = new(StringComparer.Ordinal)
    {
        ["US01"] = "US-EXEMPT", ["DE01"] = "DE-VAT19", ["JP01"] = "JP-CT10",
    };

    /// <summary>
    /// Which legal entity books an expense line, in its functional currency at the transaction date's rate. Default
    /// <see cref="BookingEntitySource.CostCenter"/>: the cost center's legal entity (the coded cost center, else the
    /// employee's default one); an employee of another entity makes the line intercompany, and a <c>chargedEntityId</c>
    /// that names another entity than the cost center's is <c>COST_CENTER_ENTITY_MISMATCH</c>.
    /// <see cref="BookingEntitySource.Employee"/>: the employee's entity, never intercompany; a cost center or
    /// <c>chargedEntityId</c> of another entity is <c>COST_CENTER_ENTITY_MISMATCH</c>.
    /// <see cref="BookingEntitySource.Charged"/>: the line's <c>chargedEntityId</c>, else the employee's entity
    /// (intercompany when it is not the employee's); a cost center of another entity is <c>COST_CENTER_ENTITY_MISMATCH</c>.
    /// </summary>
    public BookingEntitySource BookingEntity { get; set; } = BookingEntitySource.CostCenter;

    /// <summary>What to do with an expense dated in a closed accounting period. Default <see cref="ClosedPeriodPolicy.RollForward"/>.</summary>
    public ClosedPeriodPolicy ClosedPeriod { get; set; } = ClosedPeriodPolicy.RollForward;

    /// <summary>
    /// Rounding of converted amounts to the functional currency's minor unit. Default
    /// <see cref="MidpointRounding.AwayFromZero"/> (commercial rounding), the rule the validation API quotes with, so a
    /// previewed amount and the posted one agree. <see cref="MidpointRounding.ToEven"/> (banker's rounding) is allowed.
    /// </summary>
    public MidpointRounding Rounding { get; set; } = MidpointRounding.AwayFromZero;

    /// <summary>
    /// Days an idempotency key is remembered after it was first seen; a re-delivery within the horizon is dropped, one
    /// after it would be processed again. Default 30 (1 to 3650).
    /// </summary>
    public int DedupeHorizonDays { get; set; } = 30;

    /// <summary>
    /// Days a card transaction is held waiting for the expense line that documents it; after that it is dead-lettered as
    /// <c>UNDOCUMENTED_CARD_CHARGE</c>. Default 30 (1 to 365); must not exceed <see cref="DedupeHorizonDays"/>.
    /// </summary>
    public int CardDocumentationHorizonDays { get; set; } = 30;

    /// <summary>
    /// How long an expense line waits for master data that has not arrived yet (an employee, legal entity, cost center,
    /// project or tax code never seen, no FX rate within the fallback, no accounting period of the entity for the date)
    /// before it is dead-lettered with those violations. Master data that is known and says no (an inactive cost center,
    /// a closed period) never waits. Default 1 day (<c>1.00:00:00</c>; 1 minute to 30 days); must be shorter than
    /// <see cref="DedupeHorizonDays"/>, so a waiting line's key is still remembered when it is released.
    /// </summary>
    public TimeSpan MasterDataWaitHorizon { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often (wall clock) waiting lines are re-evaluated when master data changed since the last check, and checked
    /// against <see cref="MasterDataWaitHorizon"/>. Default 5 seconds (<c>00:00:05</c>; 1 second to 10 minutes).
    /// </summary>
    public TimeSpan MasterDataWaitCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Coded card spend: how long a coded card transaction waits for its report line, and which side wins per source. See <see cref="CardSpendOptions"/>.</summary>
    public CardSpendOptions CardSpend { get; set; } = new();

    /// <summary>Options with every default; each call returns a new, independent instance.</summary>
    public static ExpenseOptions Default() => new();

    /// <summary>Every problem with these settings, each naming the setting and what to do.</summary>
    public IEnumerable<string> Validate()
    {
        if (CategoryGlAccounts is null)
            yield return $"{Section}:{nameof(CategoryGlAccounts)} is empty; remove it to use the defaults.";
        else
            foreach (var (category, _) in CategoryGlAccounts.Where(c => string.IsNullOrWhiteSpace(c.Value)))
                yield return $"{Section}:{nameof(CategoryGlAccounts)}:{category} has no GL account; give one or remove the category.";

        if (CategoryLimits is null)
            yield return $"{Section}:{nameof(CategoryLimits)} is empty; remove it to use the defaults.";
        else
            foreach (var (category, limits) in CategoryLimits)
                foreach (var (currency, limit) in limits ?? [])
                    if (limit <= 0m)
                        yield return FormattableString.Invariant($"{Section}:{nameof(CategoryLimits)}:{category}:{currency} is {limit}: use an amount above 0, or remove it for no limit.");

        if (ReceiptThresholds is null)
            yield return $"{Section}:{nameof(ReceiptThresholds)} is empty; remove it to use the defaults.";
        else
            foreach (var (currency, threshold) in ReceiptThresholds.Where(t => t.Value < 0m))
                yield return FormattableString.Invariant($"{Section}:{nameof(ReceiptThresholds)}:{currency} is {threshold}: use 0 (always require a receipt) or more.");

        if (DefaultTaxCodes is null)
            yield return $"{Section}:{nameof(DefaultTaxCodes)} is empty; remove it to use the defaults.";

        if (!Enum.IsDefined(BookingEntity))
            yield return $"{Section}:{nameof(BookingEntity)} is {BookingEntity}: use CostCenter (default), Employee or Charged.";
        if (!Enum.IsDefined(ClosedPeriod))
            yield return $"{Section}:{nameof(ClosedPeriod)} is {ClosedPeriod}: use RollForward or DeadLetter.";
        if (Rounding is not (MidpointRounding.AwayFromZero or MidpointRounding.ToEven))
            yield return $"{Section}:{nameof(Rounding)} is {Rounding}: use AwayFromZero (default) or ToEven; directed rounding does not suit posting.";
        if (DedupeHorizonDays is < 1 or > 3650)
            yield return FormattableString.Invariant($"{Section}:{nameof(DedupeHorizonDays)} is {DedupeHorizonDays}: use 1 to 3650 days (default 30).");
        if (CardDocumentationHorizonDays is < 1 or > 365)
            yield return FormattableString.Invariant($"{Section}:{nameof(CardDocumentationHorizonDays)} is {CardDocumentationHorizonDays}: use 1 to 365 days (default 30).");
        else if (CardDocumentationHorizonDays > DedupeHorizonDays)
            yield return FormattableString.Invariant(
                $"{Section}:{nameof(CardDocumentationHorizonDays)} {CardDocumentationHorizonDays} is above {nameof(DedupeHorizonDays)} {DedupeHorizonDays}: a held card charge would outlive its duplicate check; lower it or raise the horizon.");
        if (MasterDataWaitHorizon < TimeSpan.FromMinutes(1) || MasterDataWaitHorizon > TimeSpan.FromDays(30))
            yield return FormattableString.Invariant($"{Section}:{nameof(MasterDataWaitHorizon)} is {MasterDataWaitHorizon}: use 00:01:00 to 30.00:00:00 (default 1.00:00:00).");
        else if (DedupeHorizonDays is >= 1 and <= 3650 && MasterDataWaitHorizon >= TimeSpan.FromDays(DedupeHorizonDays))
            yield return FormattableString.Invariant(
                $"{Section}:{nameof(MasterDataWaitHorizon)} {MasterDataWaitHorizon} is not shorter than {nameof(DedupeHorizonDays)} {DedupeHorizonDays}: a waiting line would outlive its duplicate check; lower it or raise the horizon.");
        if (MasterDataWaitCheckInterval < TimeSpan.FromSeconds(1) || MasterDataWaitCheckInterval > TimeSpan.FromMinutes(10))
            yield return FormattableString.Invariant($"{Section}:{nameof(MasterDataWaitCheckInterval)} is {MasterDataWaitCheckInterval}: use 00:00:01 to 00:10:00 (default 00:00:05).");
        if (CardSpend is null)
            yield return $"{Section}:{CardSpendOptions.Section} is empty; remove it to use the defaults.";
        else
        {
            foreach (var problem in CardSpend.Validate())
                yield return problem;
            if (DedupeHorizonDays is >= 1 and <= 3650 && CardSpend.ReportLineWait >= TimeSpan.FromDays(DedupeHorizonDays))
                yield return FormattableString.Invariant(
                    $"{Section}:{CardSpendOptions.Section}:{nameof(CardSpendOptions.ReportLineWait)} {CardSpend.ReportLineWait} is not shorter than {nameof(DedupeHorizonDays)} {DedupeHorizonDays}: lower it or raise the horizon.");
        }
    }
}
