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
/// <para>Every violation is reported, in this precedence order (the expense pipeline's order before the rules were shared, so its dead-letter reasons stay as they were);
/// the pipeline dead-letters a line with the first and lists them all in the message, the API answers with them all:</para>
/// <list type="number">
/// <item>UNKNOWN_EMPLOYEE, reported alone: the entity, cost center and defaults come from the employee.</item>
/// <item>UNKNOWN_LEGAL_ENTITY: the booking entity (charged, else the employee's).</item>
/// <item>UNKNOWN_COST_CENTER or INACTIVE_COST_CENTER.</item>
/// <item>COST_CENTER_ENTITY_MISMATCH, whenever the cost center is known, even beside an earlier violation.</item>
/// <item>UNKNOWN_PROJECT or CLOSED_PROJECT, when a project is coded.</item>
/// <item>The tax code: INVALID_TAX_JURISDICTION when the line names none and the policy has no default; else
/// UNKNOWN_TAX_CODE, or INVALID_TAX_JURISDICTION outside its dates and then in another country.</item>
/// <item>FX_RATE_MISSING into the booking entity's functional currency (only when that entity is known).</item>
/// <item>Intercompany (the booking entity is known and is not the employee's): UNKNOWN_LEGAL_ENTITY for the employee's
/// entity, else FX_RATE_MISSING into its functional currency.</item>
/// <item>UNMAPPED_CATEGORY.</item>
/// <item>POLICY_LIMIT_EXCEEDED, then MISSING_RECEIPT, on the functional amount (only when it is known).</item>
/// <item>CLOSED_PERIOD (only when the booking entity is known).</item>
/// </list>
/// <para>Converted amounts are rounded to the target currency's minor unit with <c>Expenses:Rounding</c>. Violations
/// about master data never seen (see <see cref="Violation.Awaits"/>) make a line wait in the pipeline when they are
/// all it has (<see cref="ExpenseAssessment.AwaitsMasterData"/>).</para>
/// </remarks>
public sealed class ExpenseRules(ExpensePolicy policy, FxFallbackPolicy fxFallback)
{
    /// <summary>The expense policy applied (limits, thresholds, default tax codes, closed periods, rounding).</summary>
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
                violations.Add(new Violation(ReasonCode.UnknownEmployee, fields.Employee, employee.Absence!)
                {
                    Awaits = CommonChecks.AwaitedObject(employee, MasterDataObjectTypes.Employee, employeeId),
                });
                return new ExpenseAssessment { Violations = violations };
            }
            employeeEntityId = employee.Value!.legalEntityId;
            defaultCostCenterId = employee.Value.defaultCostCenterId;
        }
        var entityId = input.LegalEntityId ?? employeeEntityId
            ?? throw new ArgumentException("An expense input names its employee or its legal entity.", nameof(input));
        var costCenterId = input.CostCenterId ?? defaultCostCenterId
            ?? throw new ArgumentException("An expense input names its employee or its cost center.", nameof(input));
        var entity = CommonChecks.LegalEntity(reader, entityId, date, input.LegalEntityId is null ? fields.Employee : fields.LegalEntity, violations);
        if (CommonChecks.CostCenter(reader, costCenterId, date, fields.CostCenter, violations) is { } center)
            CommonChecks.CostCenterEntity(center, entityId, fields.CostCenter, violations);
        if (input.ProjectId is { } projectId)
            CommonChecks.Project(reader, projectId, date, fields.Project, violations);
        var taxCodeId = input.TaxCodeId ?? policy.DefaultTaxCode(entityId);
        TaxCode? tax = null;
        if (taxCodeId is null)
            violations.Add(new Violation(ReasonCode.InvalidTaxJurisdiction, fields.TaxCode,
                $"the line names no tax code and the expense policy has none for legal entity {entityId} ({ExpenseOptions.Section}:{nameof(ExpenseOptions.DefaultTaxCodes)})"));
        else
            tax = CommonChecks.TaxCode(reader, taxCodeId, entity, entityId, date, fields.TaxCode, violations);

        // FX, rounded with Expenses:Rounding: into the booking entity's currency, then (intercompany) the employee's entity's.
        var rounding = policy.Options.Rounding;
        CurrencyConversion? functional = null;
        CurrencyConversion? employeeSide = null;
        var intercompany = employeeEntityId is not null && !string.Equals(employeeEntityId, entityId, StringComparison.Ordinal);
        if (entity is not null)
        {
            functional = CommonChecks.Convert(reader, fxFallback, input.Amount, input.Currency, entity.functionalCurrency, date, violations, rounding, fields.Currency);
            if (intercompany && CommonChecks.LegalEntity(reader, employeeEntityId!, date, fields.Employee, violations) is { } employeeEntity)
                employeeSide = CommonChecks.Convert(reader, fxFallback, input.Amount, input.Currency, employeeEntity.functionalCurrency, date, violations, rounding, fields.Currency);
        }

        // The policy: GL account, then limit and receipt on the functional amount (each when the input says what it needs).
        var glAccountId = input.Category is { } mapped ? policy.GlAccount(mapped, input.GlAccountId, fields.Category, violations) : input.GlAccountId;
        if (functional is not null && input.Category is { } category)
            policy.CheckLimit(category, functional.ConvertedAmount, functional.ConvertedCurrency, fields.Amount, violations);
        if (functional is not null && input.ReceiptAttached is { } receipt)
            policy.CheckReceipt(functional.ConvertedAmount, functional.ConvertedCurrency, receipt, fields.Receipt, violations);

        // The period, as of today.
        var period = entity is null ? null : PostingPeriods.Of(reader, policy.Options.ClosedPeriod, entityId, date, today, fields.Date, violations);

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
}
