using System.Security.Cryptography;
using System.Text;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Profiles;

public class MasterDataProfileTests
{
    private static DateTime Date(int year, int month, int day) => new(year, month, day, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Sap_cost_centers_become_md_updates_with_validity_and_a_status_change_row()
    {
        var sample = MappedSample.Of("sap-cost-centers", "sap/cost-centers.csv");

        var updates = sample.Records.Where(r => r.Key == "COST_CENTER:CC-1042").Select(r => (MasterDataUpdate)r.Value).ToList();
        Assert.Equal(2, updates.Count);
        var active = (CostCenter)updates[0].payload;
        Assert.Equal(CostCenterStatus.ACTIVE, active.status);
        Assert.Equal(Date(2026, 10, 31), active.validTo);
        Assert.Equal(Date(2026, 1, 1), active.effectiveFrom);
        var inactive = (CostCenter)updates[1].payload;
        Assert.Equal(CostCenterStatus.INACTIVE, inactive.status);
        Assert.Null(inactive.validTo);
        Assert.Equal(Date(2026, 11, 1), inactive.effectiveFrom);
        Assert.Equal(Date(2026, 11, 1), updates[1].effectiveDate);
        Assert.Equal(MasterDataObjectType.COST_CENTER, updates[1].objectType);
        Assert.Equal("CC-1042", updates[1].businessKey);
        Assert.Equal(MasterDataOperation.UPSERT, updates[1].operation);
        Assert.Equal("sap-s4:md.updates:GRP1/CC-1042/99991231", updates[1].envelope.idempotencyKey);
        Assert.Same(updates[1].envelope, inactive.envelope);
        Assert.Equal("US01", inactive.legalEntityId);
        Assert.Equal("E-US01-001", inactive.ownerEmployeeId);
        var quoted = (CostCenter)sample.Value<MasterDataUpdate>("COST_CENTER:CC-2020").payload;
        Assert.Equal("Entwicklung; Plattform", quoted.name);
        var failure = Assert.Single(sample.Failures);
        Assert.Equal("payload.validTo", failure.Field);
        Assert.Contains("'20261301' at DATBI is not a date in format yyyyMMdd", failure.Message);
    }

    [Fact]
    public void Sap_suppliers_carry_a_fingerprint_not_the_iban_and_a_short_row_is_a_parse_failure()
    {
        var sample = MappedSample.Of("sap-suppliers", "sap/suppliers.csv");

        var supplier = (Supplier)sample.Value<MasterDataUpdate>("SUPPLIER:SUP-0002").payload;
        Assert.Equal("Müller Bürotechnik GmbH", supplier.legalName);
        Assert.Equal("DE811234567", supplier.taxId);
        var expected = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("DE89370400440532013000"))).ToLowerInvariant();
        Assert.Equal(expected, supplier.bankAccountFingerprint);
        Assert.Equal(SupplierStatus.ACTIVE, supplier.status);
        var reference = Assert.Single(supplier.sourceReferences);
        Assert.Equal(("sap-s4", "SUP-0002"), (reference.sourceSystem, reference.sourceId));
        Assert.Null(supplier.contacts);
        var parse = Assert.Single(sample.ParseFailures);
        Assert.Equal(7, parse.Position.Line);
        Assert.Equal("SUP-0099;Broken Row Ltd;US;US-00-0000000", Encoding.UTF8.GetString(parse.Raw.Span));
    }

    [Fact]
    public void Sap_gl_accounts_are_classified_by_account_group()
    {
        var sample = MappedSample.Of("sap-gl-accounts", "sap/gl-accounts.csv");

        Assert.Equal(7, sample.Records.Count);
        var meals = (GlAccount)sample.Value<MasterDataUpdate>("GL_ACCOUNT:640300").payload;
        Assert.Equal((GlAccountType.EXPENSE, GlAccountStatus.ACTIVE, "GROUP"), (meals.accountType, meals.status, meals.chartOfAccounts));
        Assert.Equal(GlAccountType.LIABILITY, ((GlAccount)sample.Value<MasterDataUpdate>("GL_ACCOUNT:210000").payload).accountType);
    }

    [Fact]
    public void Netsuite_employees_map_subsidiaries_to_company_codes_and_an_unknown_one_fails()
    {
        var sample = MappedSample.Of("netsuite-employees", "netsuite/employees.csv");

        var employee = (Employee)sample.Value<MasterDataUpdate>("EMPLOYEE:E-DE01-002").payload;
        Assert.Equal(("DE01", "CC-2020", "E-DE01-001", EmployeeStatus.ACTIVE), (employee.legalEntityId, employee.defaultCostCenterId, employee.approverEmployeeId, employee.status));
        Assert.Equal(Date(2026, 1, 1), employee.effectiveFrom);
        Assert.Equal(EmployeeStatus.TERMINATED, ((Employee)sample.Value<MasterDataUpdate>("EMPLOYEE:E-JP01-002").payload).status);
        var failure = Assert.Single(sample.Failures);
        Assert.Equal("payload.legalEntityId", failure.Field);
        Assert.Contains("'StreamFinance Demo S.A.' at Subsidiary", failure.Message);
    }

    [Fact]
    public void Netsuite_projects_map_status_and_open_ended_dates()
    {
        var sample = MappedSample.Of("netsuite-projects", "netsuite/projects.csv");

        var open = (Project)sample.Value<MasterDataUpdate>("PROJECT:PRJ-EU-LAUNCH").payload;
        Assert.Equal((ProjectStatus.OPEN, "DE01"), (open.status, open.legalEntityId));
        Assert.Null(open.endDate);
        var closed = (Project)sample.Value<MasterDataUpdate>("PROJECT:PRJ-LEGACY-2024").payload;
        Assert.Equal(ProjectStatus.CLOSED, closed.status);
        Assert.Equal(Date(2025, 12, 31), closed.endDate);
    }

    [Fact]
    public void D365_legal_entities_map_countries_currencies_and_intercompany_partners()
    {
        var sample = MappedSample.Of("d365-legal-entities", "d365/legal-entities.json");

        var entity = (LegalEntity)sample.Value<MasterDataUpdate>("LEGAL_ENTITY:JP01").payload;
        Assert.Equal(("JP", "JPY", "StreamFinance Demo K.K."), (entity.country, entity.functionalCurrency, entity.name));
        Assert.Equal(["US01", "DE01"], entity.intercompanyPartnerEntityIds);
        Assert.Equal("JP-CT10", entity.defaultTaxCodeId);
        Assert.Equal((10000m, "JPY"), (entity.receiptThreshold.ToDecimal(), entity.receiptThreshold.currency));
    }

    [Fact]
    public void Sap_expense_categories_become_versioned_md_updates_with_gl_account_and_limits_per_currency()
    {
        var sample = MappedSample.Of("sap-expense-categories", "sap/expense-categories.json");

        Assert.Empty(sample.Failures);
        Assert.Equal(6, sample.Records.Count);
        var update = sample.Value<MasterDataUpdate>("EXPENSE_CATEGORY:MEALS");
        Assert.Equal((MasterDataObjectType.EXPENSE_CATEGORY, "MEALS", MasterDataOperation.UPSERT, Date(2026, 1, 1)),
            (update.objectType, update.businessKey, update.operation, update.effectiveDate));
        Assert.Equal("sap-s4:md.updates:MEALS/20260101", update.envelope.idempotencyKey);
        var meals = (ExpenseCategory)update.payload;
        Assert.Equal(("MEALS", "Meals", "640300", Date(2026, 1, 1)), (meals.categoryId, meals.name, meals.glAccountId, meals.effectiveFrom));
        Assert.Equal([("USD", 150m), ("EUR", 140m), ("JPY", 22000m)], meals.limits.Select(l => (l.currency, l.ToDecimal())));
        Assert.Empty(((ExpenseCategory)sample.Value<MasterDataUpdate>("EXPENSE_CATEGORY:SOFTWARE").payload).limits);
    }

    [Fact]
    public void D365_exchange_rates_keep_eight_decimals_and_a_longer_rate_is_schema_invalid()
    {
        var sample = MappedSample.Of("d365-exchange-rates", "d365/exchange-rates.json");

        var rate = (ExchangeRate)sample.Value<MasterDataUpdate>("EXCHANGE_RATE:EUR/USD/2026-11-20").payload;
        Assert.Equal("EUR/USD/2026-11-20", rate.exchangeRateId);
        Assert.Equal(1.08530497m, AvroDecimals.ToDecimal(rate.rate));
        Assert.Equal(8, rate.rate.Scale);
        Assert.Equal(Date(2026, 11, 20), rate.rateDate);
        Assert.Equal(ExchangeRateType.SPOT, rate.rateType);
        var failure = Assert.Single(sample.Failures);
        Assert.Equal(ReasonCode.SchemaInvalid, failure.Reason);
        Assert.Equal("payload.rate", failure.Field);
        Assert.Contains("'0.0066093853'", failure.Message);
    }
}
