using StreamFinance.Contracts.Outputs;
using StreamFinance.Kafka.DeadLetters;

namespace StreamFinance.Topologies.Tests.DeadLetters;

public sealed class ReasonCodeTests
{
    private static readonly (string Code, OwnerRole Owner)[] Design =
    [
        ("UNKNOWN_COST_CENTER", OwnerRole.FINANCE_OPS),
        ("INACTIVE_COST_CENTER", OwnerRole.FINANCE_OPS),
        ("CLOSED_PERIOD", OwnerRole.FINANCE_OPS),
        ("INVALID_TAX_JURISDICTION", OwnerRole.FINANCE_OPS),
        ("MISSING_RECEIPT", OwnerRole.FINANCE_OPS),
        ("POLICY_LIMIT_EXCEEDED", OwnerRole.FINANCE_OPS),
        ("FX_RATE_MISSING", OwnerRole.FINANCE_OPS),
        ("UNKNOWN_EMPLOYEE", OwnerRole.FINANCE_OPS),
        ("UNKNOWN_LEGAL_ENTITY", OwnerRole.FINANCE_OPS),
        ("COST_CENTER_ENTITY_MISMATCH", OwnerRole.FINANCE_OPS),
        ("UNKNOWN_PROJECT", OwnerRole.FINANCE_OPS),
        ("CLOSED_PROJECT", OwnerRole.FINANCE_OPS),
        ("UNKNOWN_TAX_CODE", OwnerRole.FINANCE_OPS),
        ("UNMAPPED_CATEGORY", OwnerRole.FINANCE_OPS),
        ("UNDOCUMENTED_CARD_CHARGE", OwnerRole.FINANCE_OPS),
        ("CARD_EXPENSE_CONFLICT", OwnerRole.FINANCE_OPS),
        ("UNKNOWN_SUPPLIER", OwnerRole.PROCUREMENT_OPS),
        ("SUPPLIER_BLOCKED", OwnerRole.PROCUREMENT_OPS),
        ("BUDGET_EXCEEDED", OwnerRole.PROCUREMENT_OPS),
        ("PRICE_VARIANCE", OwnerRole.PROCUREMENT_OPS),
        ("QUANTITY_VARIANCE", OwnerRole.PROCUREMENT_OPS),
        ("DUPLICATE_INVOICE", OwnerRole.PROCUREMENT_OPS),
        ("OWNERSHIP_VIOLATION", OwnerRole.INTEGRATION_SUPPORT),
        ("UNKNOWN_OBJECT_TYPE", OwnerRole.INTEGRATION_SUPPORT),
        ("MISSING_KEY", OwnerRole.INTEGRATION_SUPPORT),
        ("INVALID_EFFECTIVE_DATE", OwnerRole.INTEGRATION_SUPPORT),
        ("INVALID_FX_RATE", OwnerRole.INTEGRATION_SUPPORT),
        ("MAPPING_FAILED", OwnerRole.INTEGRATION_SUPPORT),
        ("PARSE_FAILED", OwnerRole.INTEGRATION_SUPPORT),
        ("SCHEMA_INVALID", OwnerRole.INTEGRATION_SUPPORT),
        ("DESERIALIZATION_FAILED", OwnerRole.INTEGRATION_SUPPORT),
        ("PRODUCTION_FAILED", OwnerRole.INTEGRATION_SUPPORT),
        ("PROCESSING_FAILED", OwnerRole.INTEGRATION_SUPPORT),
        ("SUPPLIER_RISK_HOLD", OwnerRole.PROCUREMENT_OPS),
        ("APPROVAL_LIMIT_EXCEEDED", OwnerRole.PROCUREMENT_OPS),
        ("MISSING_REQUESTER", OwnerRole.PROCUREMENT_OPS),
        ("MISSING_GL_ACCOUNT", OwnerRole.PROCUREMENT_OPS),
        ("UNKNOWN_GL_ACCOUNT", OwnerRole.PROCUREMENT_OPS),
        ("ERP_REJECTED", OwnerRole.INTEGRATION_SUPPORT),
    ];

    public static TheoryData<string, OwnerRole> DesignCodes => new(Design);

    [Theory]
    [MemberData(nameof(DesignCodes))]
    public void Each_design_reason_code_exists_with_its_owner_role_and_technical_flag(string code, OwnerRole owner)
    {
        var reason = ReasonCode.Parse(code);

        Assert.Equal(code, reason.Code);
        Assert.Equal(owner, reason.Owner);
        Assert.Equal(owner == OwnerRole.INTEGRATION_SUPPORT, reason.IsTechnical);
        Assert.False(string.IsNullOrWhiteSpace(reason.Remedy));
    }

    [Fact]
    public void The_catalog_of_reason_codes_is_exactly_the_design_list_without_duplicates()
    {
        var designCodes = Design.Select(d => d.Code).Order();

        Assert.Equal(designCodes, ReasonCode.All.Select(r => r.Code).Order());
    }

    [Fact]
    public void Parsing_an_unknown_code_fails_naming_the_known_codes()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ReasonCode.Parse("COST_CENTER_GONE"));

        Assert.Contains("COST_CENTER_GONE", error.Message);
        Assert.Contains("UNKNOWN_COST_CENTER", error.Message);
    }
}
