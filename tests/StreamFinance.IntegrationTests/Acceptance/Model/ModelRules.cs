namespace StreamFinance.IntegrationTests.Acceptance.Model;

/// <summary>The settings the model applies, as a user would write them in the <c>Expenses</c> and <c>MasterData</c> sections.</summary>
/// <param name="ClosedPeriodDeadLetters"><c>Expenses:ClosedPeriod</c> = DeadLetter (else RollForward).</param>
/// <param name="ToEven"><c>Expenses:Rounding</c> = ToEven (else AwayFromZero).</param>
/// <param name="GlAccounts"><c>Expenses:CategoryGlAccounts</c>, the fallback where no expense category is in force.</param>
/// <param name="DefaultTaxCodes"><c>Expenses:DefaultTaxCodes</c>, the fallback where the entity names none.</param>
/// <param name="ReceiptThresholds"><c>Expenses:ReceiptThresholds</c>, the fallback where the entity has none.</param>
/// <param name="CategoryLimits"><c>Expenses:CategoryLimits</c>, the fallback where no expense category is in force.</param>
/// <param name="CardWins"><c>Expenses:CardSpend:PostsOverReport</c>: the card sources whose coded transactions win.</param>
public sealed record ModelPolicy(
    bool ClosedPeriodDeadLetters, bool ToEven, IReadOnlyDictionary<string, string> GlAccounts, IReadOnlyDictionary<string, string> DefaultTaxCodes,
    IReadOnlyDictionary<string, decimal> ReceiptThresholds, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> CategoryLimits,
    IReadOnlySet<string> CardWins, int FxMaxDaysBack = 3);

/// <summary>A broken rule: its reason code, and whether it only waits for master data that has not arrived yet.</summary>
public sealed record ModelViolation(string Code, bool Awaits);

/// <summary>What the rules make of a line: its violations in precedence order, or what it posts.</summary>
public sealed record ModelVerdict(IReadOnlyList<ModelViolation> Violations)
{
    public string? Entity { get; init; }
    public string? CostCenter { get; init; }
    public string? GlAccount { get; init; }
    public string? TaxCode { get; init; }
    public decimal Amount { get; init; }
    public string? Currency { get; init; }
    public decimal Rate { get; init; }
    public DateOnly RateDate { get; init; }
    public ModelPeriod? Period { get; init; }
    public string? EmployeeEntity { get; init; }
    public decimal? EmployeeAmount { get; init; }
    public string? EmployeeCurrency { get; init; }

    /// <summary>No rule broken.</summary>
    public bool Approved => Violations.Count == 0;

    /// <summary>Every violation waits for master data: the line is held, not dead-lettered.</summary>
    public bool Waits => Violations.Count > 0 && Violations.All(v => v.Awaits);
}

/// <summary>
/// The expense rules as the README states them, written again plainly for the acceptance model: booking entity from the
/// cost center (default <c>Expenses:BookingEntity</c>), precedence from master data to policy (unknown or inactive master
/// data, then FX, then the closed period, then the receipt, then the category limit), point-in-time master data, the FX
/// fallback over business days, rounding to the currency's minor unit, and closed periods rolled forward or dead-lettered.
/// </summary>
public static class ModelRules
{
    /// <summary>Judges <paramref name="line"/> over <paramref name="md"/> with period statuses as of <paramref name="today"/>.</summary>
    public static ModelVerdict Evaluate(ModelLine line, ModelMasterData md, DateOnly today, ModelPolicy policy)
    {
        var v = new List<ModelViolation>();
        var date = line.Date;
        var employee = md.AsOf<ModelEmployee>("EMPLOYEE", line.Employee, date);
        if (employee is null)
            return new ModelVerdict([new("UNKNOWN_EMPLOYEE", !md.Seen("EMPLOYEE", line.Employee))]);

        // The cost center decides the booking entity; its own violations are listed after the entities'.
        var centerId = line.CostCenter ?? employee.DefaultCostCenter;
        var centerViolations = new List<ModelViolation>();
        var center = md.AsOf<ModelCostCenter>("COST_CENTER", centerId, date);
        if (center is null)
        {
            var later = md.Versions("COST_CENTER", centerId).FirstOrDefault(x => x.From > date);
            center = later?.Value as ModelCostCenter;
            centerViolations.Add(later is null ? new("UNKNOWN_COST_CENTER", !md.Seen("COST_CENTER", centerId)) : new("INACTIVE_COST_CENTER", false));
        }
        else if (!center.Active || date < center.ValidFrom || (center.ValidTo is { } to && to < date))
            centerViolations.Add(new("INACTIVE_COST_CENTER", false));
        var entityId = center?.Entity ?? line.Charged;
        var entity = entityId is null ? null : LegalEntity(md, entityId, date, v);
        if (line.Charged is { } charged && charged != entityId)
            LegalEntity(md, charged, date, v);
        var intercompany = entityId is not null && entityId != employee.Entity;
        var employeeEntity = intercompany && entity is not null ? LegalEntity(md, employee.Entity, date, v) : null;
        v.AddRange(centerViolations);
        if (center is not null && line.Charged is { } named && named != center.Entity)
            v.Add(new("COST_CENTER_ENTITY_MISMATCH", false));
        if (line.Project is { } projectId)
        {
            var project = md.AsOf<ModelProject>("PROJECT", projectId, date);
            if (project is null)
                v.Add(new("UNKNOWN_PROJECT", !md.Seen("PROJECT", projectId)));
            else if (!project.Open || date < project.Start || (project.End is { } end && end < date))
                v.Add(new("CLOSED_PROJECT", false));
        }
        var taxCode = entityId is null ? null : entity?.DefaultTaxCode ?? policy.DefaultTaxCodes.GetValueOrDefault(entityId);
        if (taxCode is not null)
        {
            var tax = md.AsOf<ModelTaxCode>("TAX_CODE", taxCode, date);
            if (tax is null)
                v.Add(new("UNKNOWN_TAX_CODE", !md.Seen("TAX_CODE", taxCode)));
            else
            {
                if (date < tax.ValidFrom || (tax.ValidTo is { } last && date > last))
                    v.Add(new("INVALID_TAX_JURISDICTION", false));
                if (entity is not null && tax.Jurisdiction.Split('-')[0] != entity.Country)
                    v.Add(new("INVALID_TAX_JURISDICTION", false));
            }
        }
        else if (entityId is not null)
            v.Add(new("INVALID_TAX_JURISDICTION", false));
        var category = line.Category is null ? null : md.AsOf<ModelCategory>("EXPENSE_CATEGORY", line.Category, date);
        var gl = category?.GlAccount ?? (line.Category is null ? null : policy.GlAccounts.GetValueOrDefault(line.Category));
        if (line.Category is not null && gl is null)
            v.Add(new("UNMAPPED_CATEGORY", false));

        var functional = entity is null ? null : Convert(md, line, entity.Currency, policy, v);
        var employeeSide = employeeEntity is null ? null : Convert(md, line, employeeEntity.Currency, policy, v);
        var period = entity is null ? null : Period(md, entityId!, date, today, policy, v);
        if (functional is { } f && line.Receipt == false && f.Amount > (entity!.ReceiptThreshold ?? policy.ReceiptThresholds.GetValueOrDefault(entity.Currency, decimal.MaxValue)))
            v.Add(new("MISSING_RECEIPT", false));
        if (functional is { } g && line.Category is not null && Limit(category, line.Category, entity!.Currency, policy) is { } limit && g.Amount > limit)
            v.Add(new("POLICY_LIMIT_EXCEEDED", false));

        return new ModelVerdict(v)
        {
            Entity = entityId, CostCenter = centerId, GlAccount = gl, TaxCode = taxCode, Amount = functional?.Amount ?? 0m, Currency = entity?.Currency,
            Rate = functional?.Rate ?? 0m, RateDate = functional?.Day ?? default, Period = period,
            EmployeeEntity = intercompany ? employee.Entity : null, EmployeeAmount = employeeSide?.Amount, EmployeeCurrency = employeeSide is null ? null : employeeEntity!.Currency,
        };
    }

    /// <summary>The category's limit in the functional currency: the version in force is the whole table, else the settings.</summary>
    private static decimal? Limit(ModelCategory? inForce, string category, string currency, ModelPolicy policy) =>
        inForce is not null
            ? (inForce.Limits.TryGetValue(currency, out var own) ? own : null)
            : policy.CategoryLimits.TryGetValue(category, out var limits) && limits.TryGetValue(currency, out var set) ? set : null;

    private static ModelEntity? LegalEntity(ModelMasterData md, string id, DateOnly date, List<ModelViolation> v)
    {
        var entity = md.AsOf<ModelEntity>("LEGAL_ENTITY", id, date);
        if (entity is null)
            v.Add(new("UNKNOWN_LEGAL_ENTITY", !md.Seen("LEGAL_ENTITY", id)));
        return entity;
    }

    /// <summary>The amount in <paramref name="target"/> at the day's rate: the date itself, then up to 3 earlier weekdays (weekends skipped, not counted).</summary>
    private static (decimal Amount, decimal Rate, DateOnly Day)? Convert(ModelMasterData md, ModelLine line, string target, ModelPolicy policy, List<ModelViolation> v)
    {
        var day = line.Date;
        for (var tried = 0; ; tried++)
        {
            decimal? rate = line.Currency == target ? 1m : md.Rates.TryGetValue((line.Currency, target, day), out var r) ? r : null;
            if (rate is { } found)
                return (Math.Round(line.Amount * found, target == "JPY" ? 0 : 2, policy.ToEven ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero), found, day);
            if (tried == policy.FxMaxDaysBack)
            {
                v.Add(new("FX_RATE_MISSING", true));
                return null;
            }
            do
                day = day.AddDays(-1);
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        }
    }

    /// <summary>The period of the date if open today; else the next period open today (RollForward) or CLOSED_PERIOD.</summary>
    private static ModelPeriod? Period(ModelMasterData md, string entity, DateOnly date, DateOnly today, ModelPolicy policy, List<ModelViolation> v)
    {
        var key = $"{entity}-{date:yyyy}-{date:MM}";
        var containing = md.AsOf<ModelPeriod>("ACCOUNTING_PERIOD", key, date);
        if (containing is null || date < containing.Start || date > containing.End)
        {
            v.Add(new("CLOSED_PERIOD", true));
            return null;
        }
        var now = md.AsOf<ModelPeriod>("ACCOUNTING_PERIOD", key, today) ?? containing;
        if (now.Open)
            return now;
        var next = policy.ClosedPeriodDeadLetters ? null : md.Keys("ACCOUNTING_PERIOD", $"{entity}-")
            .Select(k => md.AsOf<ModelPeriod>("ACCOUNTING_PERIOD", k, today))
            .Where(p => p is { Open: true } && p.Start > now.End).OrderBy(p => p!.Start).FirstOrDefault();
        if (next is null)
            v.Add(new("CLOSED_PERIOD", false));
        return next;
    }
}
