using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Domain.Expenses;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Fx;
using StreamFinance.Rules.Checks;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Rules.Expenses;

/// <summary>
/// The expense rules, the one place they are evaluated: the expense topology judges each line with them and
/// <c>POST /v1/validate/expense-coding</c> previews a line with them, so a preview and a posting of the same line over
/// the same master data get the same answer. Master data is read as in force on the transaction date through
/// <see cref="MasterDataReader"/>; the period's status counts as of today (posting happens now).
/// </summary>
/// <remarks>
/// <para>The booking entity is decided by <c>Expenses:BookingEntity</c> (<see cref="BookingEntitySource"/>): by default
/// the cost center's legal entity (the coded cost center, else the employee's default one); with <c>Employee</c> the
/// employee's entity; with <c>Charged</c> the line's charged entity, else the employee's. A booking entity other than the
/// employee's makes the line intercompany. In every mode the cost center must belong to the booking entity and a charged
/// entity the line names must be the cost center's (COST_CENTER_ENTITY_MISMATCH).</para>
/// <para>Every violation is reported, in this precedence order, from master data to policy: unknown or inactive master
/// data, then FX, then the closed period, then the receipt, then the category limit. The pipeline dead-letters a line
/// with the first, listing them all in the message and, structured (code, field, value, message), in the dead letter's
/// <c>violations</c>; the API answers with them all:</para>
/// <list type="number">
/// <item>UNKNOWN_EMPLOYEE, reported alone: the entity, cost center and defaults come from the employee.</item>
/// <item>UNKNOWN_LEGAL_ENTITY: the booking entity; then a charged entity that is not the booking entity; then, for an
/// intercompany line whose booking entity is known, the employee's entity.</item>
/// <item>UNKNOWN_COST_CENTER or INACTIVE_COST_CENTER (inactive, outside its validity, or not valid yet on the date:
/// "valid from yyyy-MM-dd").</item>
/// <item>COST_CENTER_ENTITY_MISMATCH, whenever the cost center is known, even beside an earlier violation.</item>
/// <item>UNKNOWN_PROJECT or CLOSED_PROJECT, when a project is coded.</item>
/// <item>The tax code: INVALID_TAX_JURISDICTION when the line names none and the policy has no default for the booking
/// entity; else UNKNOWN_TAX_CODE, or INVALID_TAX_JURISDICTION outside its dates and then in another country.</item>
/// <item>UNMAPPED_CATEGORY, when a category is given.</item>
/// <item>FX_RATE_MISSING into the booking entity's functional currency, then (intercompany) into the employee's entity's
/// (each only when that entity is known).</item>
/// <item>CLOSED_PERIOD (only when the booking entity is known).</item>
/// <item>MISSING_RECEIPT, on the functional amount (only when it is known and the receipt flag is given).</item>
/// <item>POLICY_LIMIT_EXCEEDED, on the functional amount (only when it is known and a category is given).</item>
/// </list>
/// <para>While the booking entity is not known (with <c>CostCenter</c>, a cost center not seen yet and no charged entity),
/// the checks that need it (its existence, default tax code and jurisdiction, FX, period, receipt, limit) are not made:
/// the line waits for the cost center and is judged whole when it arrives.</para>
/// <para>The reference tables come from master data in force on the transaction date, and from the <c>Expenses</c>
/// settings only where master data has none: the line's <see cref="ExpenseCategory"/> (GL account and limits, the
/// version in force being the whole table for its category), the booking entity's <c>defaultTaxCodeId</c> and
/// <c>receiptThreshold</c> (<see cref="ExpensePolicy"/>). A category or entity value never seen is no reason to wait:
/// the settings answer.</para>
/// <para>Converted amounts are rounded to the target currency's minor unit with <c>Expenses:Rounding</c>. Violations
/// about master data never seen (see <see cref="Violation.Awaits"/>) make a line wait in the pipeline when they are
/// all it has (<see cref="ExpenseAssessment.AwaitsMasterData"/>).</para>
/// </remarks>
public sealed class ExpenseRules(ExpensePolicy policy, FxFallbackPolicy fxFallback)
{
    /// <summary>The expense policy applied (the settings' limits, thresholds and default tax codes where master data has none; closed periods, rounding).</summary>
    public ExpensePolicy Policy => policy;

    /// <summary>
    /// Judges <paramref name="input"/> over <paramref name="reader"/>, with period statuses as of <paramref name="today"/>,
    /// naming fields as <paramref name="fields"/> spells them.
    /// </summary>
    /// <exception cref="ArgumentException">The input names neither an employee nor a legal entity, or neither an employee nor a cost center.</exception>
    public ExpenseAssessment Evaluate(ExpenseInput input, MasterDataReader reader, DateOnly today, ExpenseFields fields)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fields);
        var violations = new List<Violation>();
        var date = input.TransactionDate;

        // The employee first: the entity, cost center and defaults come from it.
        string? employeeEntityId = null;
        string? defaultCostCenterId = null;
        if (input.EmployeeId is { } employeeId)
        {
            var employee = reader.AsOf<Employee>(MasterDataObjectTypes.Employee, employeeId, date);
            if (!employee.IsFound)
            {
                violations.Add(new Violation(ReasonCode.UnknownEmployee, fields.Employee, employeeId, employee.Absence!)
                {
                    Awaits = CommonChecks.AwaitedObject(employee, MasterDataObjectTypes.Employee, employeeId),
                });
                return new ExpenseAssessment { Violations = violations };
            }
            employeeEntityId = employee.Value!.legalEntityId;
            defaultCostCenterId = employee.Value.defaultCostCenterId;
        }
        if (input.LegalEntityId is null && employeeEntityId is null)
            throw new ArgumentException("An expense input names its employee or its legal entity.", nameof(input));
        var costCenterId = input.CostCenterId ?? defaultCostCenterId
            ?? throw new ArgumentException("An expense input names its employee or its cost center.", nameof(input));

        // Master data. The cost center is read before the entity, whose booking it may decide; its violations follow the entity's.
        var centerViolations = new List<Violation>();
        var center = CommonChecks.CostCenter(reader, costCenterId, date, fields.CostCenter, centerViolations);
        var (entityId, entityField) = BookingEntity(input, employeeEntityId, center, fields);
        var entity = entityId is null ? null : CommonChecks.LegalEntity(reader, entityId, date, entityField, violations);
        if (input.LegalEntityId is { } charged && !string.Equals(charged, entityId, StringComparison.Ordinal))
            CommonChecks.LegalEntity(reader, charged, date, fields.LegalEntity, violations);
        var intercompany = entityId is not null && employeeEntityId is not null && !string.Equals(employeeEntityId, entityId, StringComparison.Ordinal);
        var employeeEntity = intercompany && entity is not null ? CommonChecks.LegalEntity(reader, employeeEntityId!, date, fields.Employee, violations) : null;
        violations.AddRange(centerViolations);
        if (center is not null)
            EntityMismatch(center, entityId, input.LegalEntityId, fields.CostCenter, violations);
        if (input.ProjectId is { } projectId)
            CommonChecks.Project(reader, projectId, date, fields.Project, violations);
        var taxCodeId = input.TaxCodeId ?? (entityId is null ? null : policy.DefaultTaxCode(entityId, entity));
        TaxCode? tax = null;
        if (taxCodeId is not null)
            tax = CommonChecks.TaxCode(reader, taxCodeId, entity, entityId ?? "", date, fields.TaxCode, violations);
        else if (entityId is not null)
            violations.Add(new Violation(ReasonCode.InvalidTaxJurisdiction, fields.TaxCode, null,
                $"the line names no tax code and the expense policy has none for legal entity {entityId} (its defaultTaxCodeId master data or {ExpenseOptions.Section}:{nameof(ExpenseOptions.DefaultTaxCodes)})"));
        // The category's reference data in force on the date, when master data has it; else the settings apply.
        var category = input.Category is { } code ? reader.AsOf<ExpenseCategory>(MasterDataObjectTypes.ExpenseCategory, code, date).Value : null;
        var glAccountId = input.Category is { } mapped ? policy.GlAccount(mapped, input.GlAccountId, fields.Category, violations, category) : input.GlAccountId;

        // FX, rounded with Expenses:Rounding: into the booking entity's currency, then (intercompany) the employee's entity's.
        var rounding = policy.Options.Rounding;
        var functional = entity is null ? null
            : CommonChecks.Convert(reader, fxFallback, input.Amount, input.Currency, entity.functionalCurrency, date, violations, rounding, fields.Currency);
        var employeeSide = employeeEntity is null ? null
            : CommonChecks.Convert(reader, fxFallback, input.Amount, input.Currency, employeeEntity.functionalCurrency, date, violations, rounding, fields.Currency);

        // The period, as of today.
        var period = entity is null ? null : PostingPeriods.Of(reader, policy.Options.ClosedPeriod, entityId!, date, today, fields.Date, violations);

        // The policy on the functional amount, each when the input says what it needs: receipt, then limit.
        if (functional is not null && input.ReceiptAttached is { } receipt)
            policy.CheckReceipt(functional.ConvertedAmount, functional.ConvertedCurrency, receipt, fields.Receipt, violations, entity);
        if (functional is not null && input.Category is { } limited)
            policy.CheckLimit(limited, functional.ConvertedAmount, functional.ConvertedCurrency, fields.Amount, violations, category);

        return new ExpenseAssessment
        {
            Violations = violations,
            LegalEntityId = entityId,
            CostCenterId = costCenterId,
            GlAccountId = glAccountId,
            TaxCodeId = taxCodeId,
            TaxCode = tax,
            Functional = functional,
            EmployeeEntityId = intercompany ? employeeEntityId : null,
            EmployeeEntityAmount = employeeSide,
            PostingPeriod = period,
        };
    }

    /// <summary>
    /// The booking entity per <see cref="ExpenseOptions.BookingEntity"/>, and the field it came from (for an unknown
    /// entity's violation); null when it is not known yet (<c>CostCenter</c>: the cost center unknown, no charged entity).
    /// </summary>
    private (string? Id, string Field) BookingEntity(ExpenseInput input, string? employeeEntityId, CostCenter? center, ExpenseFields fields)
    {
        var charged = input.LegalEntityId;
        return policy.Options.BookingEntity switch
        {
            BookingEntitySource.Employee => employeeEntityId is not null ? (employeeEntityId, fields.Employee) : (charged, fields.LegalEntity),
            BookingEntitySource.Charged => charged is not null ? (charged, fields.LegalEntity) : (employeeEntityId, fields.Employee),
            _ when center is null => (charged, fields.LegalEntity),
            _ when string.Equals(charged, center.legalEntityId, StringComparison.Ordinal) => (center.legalEntityId, fields.LegalEntity),
            _ => (center.legalEntityId, input.CostCenterId is null ? fields.Employee : fields.CostCenter),
        };
    }

    /// <summary>
    /// COST_CENTER_ENTITY_MISMATCH (at most one) when <paramref name="center"/> belongs to another entity than the booking
    /// entity, or than the <paramref name="charged"/> entity the line names.
    /// </summary>
    private static void EntityMismatch(CostCenter center, string? bookingEntityId, string? charged, string field, List<Violation> violations)
    {
        if (bookingEntityId is not null && !string.Equals(center.legalEntityId, bookingEntityId, StringComparison.Ordinal))
            CommonChecks.CostCenterEntity(center, bookingEntityId, field, violations);
        else if (charged is not null)
            CommonChecks.CostCenterEntity(center, charged, field, violations);
    }
}
