using System.Globalization;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;
using StreamFinance.Topologies.Lookups;
using StreamFinance.Rules.Expenses;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// Enriches and validates one expense line against the master data in force on its transaction date (the same
/// <see cref="MasterDataReader"/> and <see cref="CommonChecks"/> as the validation API) and the expense policy:
/// employee -> legal entity (the charged entity when given) and default cost center; cost center, project, tax code
/// and jurisdiction; GL account by category; conversion into the entity's functional currency at the rate of the date
/// (with the master-data FX fallback); limits and receipt; and the accounting period, whose status counts as of
/// today (posting happens now). Every violation is reported in one dead letter, reason of the first. A violation about
/// master data that has not arrived yet carries <see cref="Violation.Awaits"/>; a line with only such violations
/// waits (<see cref="ExpenseEvaluation.AwaitsMasterData"/>).
/// </summary>
public sealed class ExpenseEvaluator(ExpensePolicy policy, FxFallbackPolicy fxFallback, TimeProvider clock)
{
    /// <summary>Evaluates <paramref name="line"/> over <paramref name="lookup"/>: an <see cref="ApprovedExpense"/>, or the violations and the failure to dead-letter.</summary>
    public ExpenseEvaluation Evaluate(ExpenseLine line, IMasterDataLookup lookup, int attempt = 1)
    {
        ArgumentNullException.ThrowIfNull(line);
        var reader = new MasterDataReader(lookup);
        var date = DateOnly.FromDateTime(line.transactionDate);
        var violations = new List<Violation>();

        var employee = reader.AsOf<Employee>(MasterDataObjectTypes.Employee, line.employeeId, date);
        if (!employee.IsFound)
            return Fail(line, [new Violation(ReasonCode.UnknownEmployee.Code, "employeeId", employee.Absence!)
            {
                Awaits = CommonChecks.AwaitedObject(employee, MasterDataObjectTypes.Employee, line.employeeId),
            }], attempt);
        var employeeEntityId = employee.Value!.legalEntityId;
        var entityId = string.IsNullOrWhiteSpace(line.chargedEntityId) ? employeeEntityId : line.chargedEntityId;
        var entity = CommonChecks.LegalEntity(reader, entityId, date, string.IsNullOrWhiteSpace(line.chargedEntityId) ? "employeeId" : "chargedEntityId", violations);

        var costCenterId = string.IsNullOrWhiteSpace(line.costCenterId) ? employee.Value.defaultCostCenterId : line.costCenterId;
        var costCenter = CommonChecks.CostCenter(reader, costCenterId, date, "costCenterId", violations);
        if (costCenter is not null && violations.Count == 0)
            CommonChecks.CostCenterEntity(costCenter, entityId, "costCenterId", violations);
        if (!string.IsNullOrWhiteSpace(line.projectId))
            CommonChecks.Project(reader, line.projectId, date, "projectId", violations);

        var taxCodeId = string.IsNullOrWhiteSpace(line.taxCodeId) ? policy.DefaultTaxCode(entityId) : line.taxCodeId;
        TaxCode? tax = null;
        if (taxCodeId is null)
            violations.Add(new Violation(ReasonCode.InvalidTaxJurisdiction.Code, "taxCodeId",
                $"taxCodeId is empty and the expense policy has no default tax code for legal entity {entityId} ({ExpenseOptions.Section}:{nameof(ExpenseOptions.DefaultTaxCodes)})"));
        else
            tax = CommonChecks.TaxCode(reader, taxCodeId, entity, entityId, date, "taxCodeId", violations);

        var policyViolations = new List<PolicyViolation>();
        var glAccountId = policy.GlAccount(line.category, line.glAccountId, policyViolations);

        var amount = line.amount.ToDecimal();
        CurrencyConversion? functional = null;
        CurrencyConversion? employeeSide = null;
        if (entity is not null)
        {
            functional = CommonChecks.Convert(reader, fxFallback, amount, line.amount.currency, entity.functionalCurrency, date, violations, policy.Options.Rounding, "amount");
            if (functional is not null)
                policy.Check(line.category, functional.ConvertedAmount, functional.ConvertedCurrency, line.receiptAttached, policyViolations);
            if (!string.Equals(employeeEntityId, entityId, StringComparison.Ordinal)
                && CommonChecks.LegalEntity(reader, employeeEntityId, date, "employeeId", violations) is { } employeeEntity)
                employeeSide = CommonChecks.Convert(reader, fxFallback, amount, line.amount.currency, employeeEntity.functionalCurrency, date, violations, policy.Options.Rounding, "amount");
        }
        violations.AddRange(policyViolations.Select(v => new Violation(CodeOf(v.Rule).Code, v.Field, v.Message)));

        var period = entity is null ? null : PostingPeriod(reader, entityId, date, violations);
        if (violations.Count > 0)
            return Fail(line, violations, attempt);

        return ExpenseEvaluation.Approve(new ApprovedExpense
        {
            envelope = Envelope(line),
            expense = line,
            legalEntityId = entityId,
            costCenterId = costCenterId,
            projectId = string.IsNullOrWhiteSpace(line.projectId) ? null : line.projectId,
            glAccountId = glAccountId!,
            taxCodeId = taxCodeId!,
            taxJurisdiction = tax!.jurisdiction,
            functionalAmount = functional!.ConvertedAmount.ToMoney(functional.ConvertedCurrency),
            fxRate = AvroDecimals.ToAvro(functional.Rate, AvroDecimals.FxRateScale),
            fxRateDate = functional.RateDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            postingPeriodId = period!.periodId,
            fiscalYear = period.fiscalYear,
            periodNumber = period.periodNumber,
            isCardCharge = !string.IsNullOrWhiteSpace(line.cardTransactionId),
            employeeEntityId = employeeSide is null ? null : employeeEntityId,
            employeeEntityAmount = employeeSide?.ConvertedAmount.ToMoney(employeeSide.ConvertedCurrency),
        });
    }

    /// <summary>
    /// The period the expense posts into: the one containing its date if that period is open today; if it is closed,
    /// per policy the next open period of the entity (roll forward) or CLOSED_PERIOD. When no period of the entity
    /// contains the date, that period has not arrived yet: CLOSED_PERIOD awaiting it.
    /// </summary>
    private AccountingPeriod? PostingPeriod(MasterDataReader reader, string entityId, DateOnly date, List<Violation> violations)
    {
        var type = MasterDataObjectTypes.AccountingPeriod;
        var containing = reader.PeriodContaining(entityId, date);
        if (!containing.IsFound)
        {
            violations.Add(new Violation(ReasonCode.ClosedPeriod.Code, "transactionDate", containing.Absence!)
            {
                Awaits = LookupKeys.Of(type, LookupKeys.CalendarAccountingPeriod(entityId, date)),
            });
            return null;
        }
        var today = Today;
        var period = reader.AsOf<AccountingPeriod>(type, containing.Value!.periodId, today).Value ?? containing.Value;
        if (period.status == AccountingPeriodStatus.OPEN)
            return period;

        var closed = $"accounting period {period.periodId} of legal entity {entityId} (transactionDate {Day(date)}) is {period.status.ToString().ToLowerInvariant()}";
        if (policy.Options.ClosedPeriod == ClosedPeriodPolicy.DeadLetter)
        {
            violations.Add(new Violation(ReasonCode.ClosedPeriod.Code, "transactionDate", $"{closed}; the policy {ExpenseOptions.Section}:{nameof(ExpenseOptions.ClosedPeriod)} is DeadLetter"));
            return null;
        }
        var next = reader.NextOpenPeriod(entityId, DateOnly.FromDateTime(period.endDate), today);
        if (next is null)
            violations.Add(new Violation(ReasonCode.ClosedPeriod.Code, "transactionDate", $"{closed} and no later period of {entityId} is open to roll it forward into"));
        return next;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private Envelope Envelope(ExpenseLine line) => new()
    {
        // Deterministic: a replay of the same line produces the same event id.
        eventId = DeterministicUuid.From("expense.approved/" + line.envelope.idempotencyKey),
        correlationId = line.envelope.correlationId,
        sourceSystem = line.envelope.sourceSystem,
        sourceId = line.envelope.sourceId,
        // The approval happens now: the posting windows collect approvals by this time (the line keeps its own times).
        eventTime = clock.GetUtcNow().UtcDateTime,
        ingestTime = line.envelope.ingestTime,
        idempotencyKey = line.envelope.idempotencyKey,
        mappingProfile = line.envelope.mappingProfile,
    };

    private static ExpenseEvaluation Fail(ExpenseLine line, List<Violation> violations, int attempt)
    {
        var reason = ReasonCode.Parse(violations[0].Code);
        var details = string.Join("; also ", violations.Select(v => $"{v.Message} (field {v.Field})"));
        return ExpenseEvaluation.Reject(violations, new Failure(reason, $"Expense line {line.expenseId} of employee {line.employeeId}: {details}. {reason.Remedy}")
        {
            CorrelationId = line.envelope.correlationId,
            IdempotencyKey = line.envelope.idempotencyKey,
            AttemptCount = attempt,
        });
    }

    private static ReasonCode CodeOf(ExpenseRule rule) => rule switch
    {
        ExpenseRule.PolicyLimitExceeded => ReasonCode.PolicyLimitExceeded,
        ExpenseRule.MissingReceipt => ReasonCode.MissingReceipt,
        _ => ReasonCode.UnmappedCategory,
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
