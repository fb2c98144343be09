using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Rules.Expenses;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Expenses;

/// <summary>
/// The expense topology's use of <see cref="ExpenseRules"/>, the same rules the validation API previews with: reads an
/// Avro expense line as an <see cref="ExpenseInput"/>, judges it over the master data in force on its transaction date
/// (periods as of today, on the topology's clock), and makes the verdict an <see cref="ApprovedExpense"/> or the failure
/// to dead-letter: reason of the first violation, every violation in the message and, structured (code, field, value,
/// message), in the dead letter's <c>violations</c>. Whether a failing line waits for
/// master data is the rules' call too (<see cref="ExpenseAssessment.AwaitsMasterData"/>).
/// </summary>
public sealed class ExpenseEvaluator(ExpensePolicy policy, FxFallbackPolicy fxFallback, TimeProvider clock)
{
    private readonly ExpenseRules rules = new(policy, fxFallback);

    /// <summary>Evaluates <paramref name="line"/> over <paramref name="lookup"/>: an <see cref="ApprovedExpense"/>, or the violations and the failure to dead-letter.</summary>
    /// <param name="line">The line.</param>
    /// <param name="lookup">Master data.</param>
    /// <param name="attempt">1, or the replay attempt.</param>
    /// <param name="decidedAt">When it is decided (periods as of that day, the approval's time); default now on the clock. A redo passes its first decision's time.</param>
    public ExpenseEvaluation Evaluate(ExpenseLine line, IMasterDataLookup lookup, int attempt = 1, DateTimeOffset? decidedAt = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        var now = decidedAt ?? clock.GetUtcNow();
        var assessment = rules.Evaluate(InputOf(line), new MasterDataReader(lookup), DateOnly.FromDateTime(now.UtcDateTime), ExpenseFields.ExpenseLine);
        return assessment.Valid ? ExpenseEvaluation.Approve(Approved(line, assessment, now), assessment) : ExpenseEvaluation.Reject(assessment, Failure(line, assessment, attempt, now));
    }

    /// <summary>The line as the rules read it: a blank optional id is no id.</summary>
    public static ExpenseInput InputOf(ExpenseLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(
            DateOnly.FromDateTime(line.transactionDate), line.amount.ToDecimal(), line.amount.currency, line.employeeId, Given(line.chargedEntityId),
            Given(line.costCenterId), Given(line.projectId), Given(line.taxCodeId), line.category, Given(line.glAccountId), line.receiptAttached);
    }

    private static string? Given(string? id) => string.IsNullOrWhiteSpace(id) ? null : id;

    private static ApprovedExpense Approved(ExpenseLine line, ExpenseAssessment assessment, DateTimeOffset now)
    {
        var functional = assessment.Functional!;
        var period = assessment.PostingPeriod!;
        return new ApprovedExpense
        {
            envelope = Envelope(line, now),
            expense = line,
            legalEntityId = assessment.LegalEntityId!,
            costCenterId = assessment.CostCenterId!,
            projectId = Given(line.projectId),
            glAccountId = assessment.GlAccountId!,
            taxCodeId = assessment.TaxCodeId!,
            taxJurisdiction = assessment.TaxCode!.jurisdiction,
            functionalAmount = functional.ConvertedAmount.ToMoney(functional.ConvertedCurrency),
            fxRate = AvroDecimals.ToAvro(functional.Rate, AvroDecimals.FxRateScale),
            fxRateDate = functional.RateDate.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            postingPeriodId = period.periodId,
            fiscalYear = period.fiscalYear,
            periodNumber = period.periodNumber,
            isCardCharge = !string.IsNullOrWhiteSpace(line.cardTransactionId),
            employeeEntityId = assessment.EmployeeEntityId,
            employeeEntityAmount = assessment.EmployeeEntityAmount?.ConvertedAmount.ToMoney(assessment.EmployeeEntityAmount.ConvertedCurrency),
        };
    }

    private static Envelope Envelope(ExpenseLine line, DateTimeOffset now) => new()
    {
        // Deterministic: a replay of the same line produces the same event id.
        eventId = DeterministicUuid.From("expense.approved/" + line.envelope.idempotencyKey),
        correlationId = line.envelope.correlationId,
        sourceSystem = line.envelope.sourceSystem,
        sourceId = line.envelope.sourceId,
        // The approval happens now: the posting windows collect approvals by this time (the line keeps its own times).
        eventTime = now.UtcDateTime,
        ingestTime = line.envelope.ingestTime,
        idempotencyKey = line.envelope.idempotencyKey,
        mappingProfile = line.envelope.mappingProfile,
    };

    private static Failure Failure(ExpenseLine line, ExpenseAssessment assessment, int attempt, DateTimeOffset now)
    {
        var reason = assessment.Violations[0].Reason;
        var details = string.Join("; also ", assessment.Violations.Select(v => $"{v.Message} (field {v.Field})"));
        return new Failure(reason, $"Expense line {line.expenseId} of employee {line.employeeId}: {details}. {reason.Remedy}")
        {
            CorrelationId = line.envelope.correlationId,
            IdempotencyKey = line.envelope.idempotencyKey,
            AttemptCount = attempt,
            FailedAt = now,
            Violations = [.. assessment.Violations.Select(v => new RuleViolation { code = v.Code, field = v.Field, value = v.Value, message = v.Message })],
        };
    }
}
