using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Ownership;
using StreamFinance.Domain.MasterData.Validation;

namespace StreamFinance.Domain.Tests.MasterData;

public class SystemOfRecordTableTests
{
    private static readonly SystemOfRecordTable Table = SystemOfRecordTable.Default;

    [Theory]
    [InlineData(MasterDataObjectTypes.CostCenter, "sap-s4")]
    [InlineData(MasterDataObjectTypes.GlAccount, "sap-s4")]
    [InlineData(MasterDataObjectTypes.TaxCode, "sap-s4")]
    [InlineData(MasterDataObjectTypes.AccountingPeriod, "sap-s4")]
    [InlineData(MasterDataObjectTypes.Budget, "sap-s4")]
    [InlineData(MasterDataObjectTypes.Employee, "netsuite")]
    [InlineData(MasterDataObjectTypes.Project, "netsuite")]
    [InlineData(MasterDataObjectTypes.LegalEntity, "d365")]
    [InlineData(MasterDataObjectTypes.ExchangeRate, "d365")]
    [InlineData(MasterDataObjectTypes.Supplier, "sap-s4")]
    public void Default_table_names_the_system_of_record_of_every_object_type(string objectType, string owner)
    {
        Assert.Equal([owner], Table.OwnersOf(objectType));
        Assert.True(Table.Check(objectType, owner).IsAllowed);
    }

    [Fact]
    public void Default_table_gives_supplier_tax_bank_status_and_identity_to_the_erp_and_contacts_to_procurement()
    {
        Assert.Equal(["bank", "contacts", "identity", "status", "tax"], Table.FieldGroupsOf(MasterDataObjectTypes.Supplier));
        Assert.Equal(["sap-s4"], Table.OwnersOf(MasterDataObjectTypes.Supplier, SupplierFieldGroups.Bank));
        Assert.Equal(["sap-s4"], Table.OwnersOf(MasterDataObjectTypes.Supplier, SupplierFieldGroups.Tax));
        Assert.Equal(["sap-s4"], Table.OwnersOf(MasterDataObjectTypes.Supplier, SupplierFieldGroups.Status));
        Assert.Equal(["sap-s4"], Table.OwnersOf(MasterDataObjectTypes.Supplier, SupplierFieldGroups.Identity));
        Assert.Equal(["coupa"], Table.OwnersOf(MasterDataObjectTypes.Supplier, SupplierFieldGroups.Contacts));
    }

    [Fact]
    public void Update_from_a_source_that_does_not_own_the_object_type_is_an_ownership_violation_naming_both_systems()
    {
        var decision = Table.Check(MasterDataObjectTypes.CostCenter, "coupa");

        Assert.False(decision.IsAllowed);
        Assert.Equal(MasterDataProblemCode.OwnershipViolation, decision.Problem!.Code);
        Assert.Equal("OWNERSHIP_VIOLATION", decision.Problem.ReasonCode);
        Assert.StartsWith("Source 'coupa' may not write cost center data; the system of record is 'sap-s4'.", decision.Problem.Message);
        Assert.Equal([SystemOfRecordTable.WholeObject], decision.ViolatedGroups);
    }

    [Fact]
    public void Procurement_changing_supplier_bank_data_is_refused_with_the_erp_named_as_system_of_record()
    {
        var decision = Table.Check(MasterDataObjectTypes.Supplier, "coupa", [SupplierFieldGroups.Bank]);

        Assert.False(decision.IsAllowed);
        Assert.StartsWith("Source 'coupa' may not write supplier bank data; the system of record is 'sap-s4'.", decision.Problem!.Message);
        Assert.Equal(["bank"], decision.ViolatedGroups);
    }

    [Fact]
    public void Procurement_changing_supplier_contacts_only_is_allowed()
    {
        Assert.True(Table.Check(MasterDataObjectTypes.Supplier, "coupa", [SupplierFieldGroups.Contacts]).IsAllowed);
    }

    [Fact]
    public void Erp_changing_supplier_contacts_is_refused_because_procurement_owns_them()
    {
        var decision = Table.Check(MasterDataObjectTypes.Supplier, "sap-s4", [SupplierFieldGroups.Tax, SupplierFieldGroups.Contacts]);

        Assert.False(decision.IsAllowed);
        Assert.Equal(["contacts"], decision.ViolatedGroups);
        Assert.Contains("the system of record is 'coupa'", decision.Problem!.Message);
    }

    [Fact]
    public void Several_refused_groups_of_one_owner_are_named_together()
    {
        var decision = Table.Check(MasterDataObjectTypes.Supplier, "coupa", [SupplierFieldGroups.Tax, SupplierFieldGroups.Bank, SupplierFieldGroups.Contacts]);

        Assert.Equal(["bank", "tax"], decision.ViolatedGroups);
        Assert.StartsWith("Source 'coupa' may not write supplier bank and tax data; the system of record is 'sap-s4'.", decision.Problem!.Message);
    }

    [Fact]
    public void Refused_groups_of_different_owners_each_name_their_owner()
    {
        var decision = Table.Check(MasterDataObjectTypes.Supplier, "ariba", [SupplierFieldGroups.Bank, SupplierFieldGroups.Contacts]);

        Assert.Equal(["bank", "contacts"], decision.ViolatedGroups);
        Assert.Contains("supplier bank data (the system of record is 'sap-s4')", decision.Problem!.Message);
        Assert.Contains("supplier contacts data (the system of record is 'coupa')", decision.Problem.Message);
    }

    [Fact]
    public void Supplier_write_without_known_groups_counts_as_whole_object_and_only_the_erp_may_do_it()
    {
        Assert.True(Table.Check(MasterDataObjectTypes.Supplier, "sap-s4").IsAllowed);
        var decision = Table.Check(MasterDataObjectTypes.Supplier, "coupa");
        Assert.False(decision.IsAllowed);
        Assert.StartsWith("Source 'coupa' may not write supplier data; the system of record is 'sap-s4'.", decision.Problem!.Message);
    }

    [Fact]
    public void Supplier_update_that_changes_nothing_is_allowed_for_a_group_owner_but_not_for_an_outsider()
    {
        Assert.True(Table.Check(MasterDataObjectTypes.Supplier, "coupa", []).IsAllowed);
        Assert.False(Table.Check(MasterDataObjectTypes.Supplier, "concur", []).IsAllowed);
    }

    [Fact]
    public void Field_groups_are_ignored_for_object_types_without_groups()
    {
        Assert.False(Table.Check(MasterDataObjectTypes.CostCenter, "coupa", []).IsAllowed);
        Assert.True(Table.Check(MasterDataObjectTypes.CostCenter, "sap-s4", []).IsAllowed);
    }

    [Fact]
    public void Source_system_and_object_type_compare_case_insensitively()
    {
        Assert.True(Table.Check("cost_center", "SAP-S4").IsAllowed);
        Assert.True(Table.Check("supplier", "Coupa", ["CONTACTS"]).IsAllowed);
    }

    [Fact]
    public void Unknown_object_type_is_refused_as_unknown_object_type_not_as_ownership_violation()
    {
        var decision = Table.Check("WAREHOUSE", "sap-s4");

        Assert.False(decision.IsAllowed);
        Assert.Equal(MasterDataProblemCode.UnknownObjectType, decision.Problem!.Code);
        Assert.Contains("'WAREHOUSE'", decision.Problem.Message);
    }

    [Fact]
    public void Unconfigured_field_group_is_a_programming_error_that_names_the_known_groups()
    {
        var error = Assert.Throws<ArgumentException>(() => Table.Check(MasterDataObjectTypes.Supplier, "sap-s4", ["payment-terms"]));
        Assert.Contains("'payment-terms'", error.Message);
        Assert.Contains("bank, contacts, identity, status, tax", error.Message);
    }

    [Fact]
    public void Changed_fields_map_to_their_groups_and_ungrouped_fields_to_the_whole_object()
    {
        var groups = Table.FieldGroupsFor(MasterDataObjectTypes.Supplier, [SupplierFields.BankAccountFingerprint, SupplierFields.RiskStatus, "paymentTerms"]);

        Assert.Equal([SystemOfRecordTable.WholeObject, "bank", "status"], groups);
    }

    [Fact]
    public void Changed_field_groups_are_found_by_comparing_before_and_after()
    {
        var before = new Dictionary<string, string?> { ["legalName"] = "Acme", ["taxId"] = "DE1", ["contacts"] = "[]" };
        var after = new Dictionary<string, string?> { ["legalName"] = "Acme", ["taxId"] = "DE2", ["contacts"] = "[]", ["bankAccountFingerprint"] = "ab" };

        Assert.Equal(["bank", "tax"], Table.ChangedFieldGroups(MasterDataObjectTypes.Supplier, before, after));
        Assert.Empty(Table.ChangedFieldGroups(MasterDataObjectTypes.Supplier, before, before));
    }

    [Fact]
    public void A_new_object_changes_every_group_it_gives_a_value_for()
    {
        var after = new Dictionary<string, string?> { ["contacts"] = "[{\"name\":\"Ana\"}]", ["legalName"] = null };

        var groups = Table.ChangedFieldGroups(MasterDataObjectTypes.Supplier, null, after);

        Assert.Equal(["contacts"], groups);
        Assert.True(Table.Check(MasterDataObjectTypes.Supplier, "coupa", groups).IsAllowed);
    }

    [Fact]
    public void Configured_table_overrides_the_default_owners()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes[MasterDataObjectTypes.ExchangeRate] = new ObjectTypeOwnershipOptions { Owners = ["kyriba", "sap-s4"] };

        var table = SystemOfRecordTable.From(options);

        Assert.True(table.Check(MasterDataObjectTypes.ExchangeRate, "kyriba").IsAllowed);
        Assert.True(table.Check(MasterDataObjectTypes.ExchangeRate, "sap-s4").IsAllowed);
        var refused = table.Check(MasterDataObjectTypes.ExchangeRate, "d365");
        Assert.Contains("the systems of record are 'kyriba' and 'sap-s4'", refused.Problem!.Message);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem_listed()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes["WAREHOUSE"] = new ObjectTypeOwnershipOptions { Owners = ["wms"] };
        options.ObjectTypes[MasterDataObjectTypes.Budget] = new ObjectTypeOwnershipOptions();

        var error = Assert.Throws<ArgumentException>(() => SystemOfRecordTable.From(options));

        Assert.Contains("MasterData:SystemOfRecord:ObjectTypes:WAREHOUSE is not a known object type", error.Message);
        Assert.Contains("MasterData:SystemOfRecord:ObjectTypes:BUDGET:Owners is empty", error.Message);
    }
}
