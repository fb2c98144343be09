using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Ownership;

namespace StreamFinance.Domain.Tests.MasterData;

public class SystemOfRecordOptionsTests
{
    [Fact]
    public void Default_options_are_valid_and_independent_per_call()
    {
        var first = SystemOfRecordOptions.Default();
        first.ObjectTypes.Clear();

        Assert.Empty(SystemOfRecordOptions.Default().Validate());
        Assert.Equal(MasterDataObjectTypes.All.Count, SystemOfRecordOptions.Default().ObjectTypes.Count);
    }

    [Fact]
    public void Empty_options_say_to_configure_every_type_or_leave_the_section_out()
    {
        var problem = Assert.Single(new SystemOfRecordOptions().Validate());
        Assert.Contains("leave the section out to use the default table", problem);
    }

    [Fact]
    public void Missing_object_type_is_named()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes.Remove(MasterDataObjectTypes.Budget);

        var problem = Assert.Single(options.Validate());
        Assert.Equal("MasterData:SystemOfRecord:ObjectTypes:BUDGET is missing: every object type needs a system of record, or updates of it could never be accepted.", problem);
    }

    [Fact]
    public void Object_type_keys_bind_case_insensitively()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes.Remove(MasterDataObjectTypes.Budget);
        options.ObjectTypes["budget"] = new ObjectTypeOwnershipOptions { Owners = ["anaplan"] };

        Assert.Empty(options.Validate());
        Assert.Equal(["anaplan"], SystemOfRecordTable.From(options).OwnersOf(MasterDataObjectTypes.Budget));
    }

    [Fact]
    public void Blank_owner_entry_is_named()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes[MasterDataObjectTypes.Project].Owners = ["netsuite", " "];

        var problem = Assert.Single(options.Validate());
        Assert.StartsWith("MasterData:SystemOfRecord:ObjectTypes:PROJECT:Owners has a blank entry", problem);
    }

    [Fact]
    public void Field_group_without_owner_or_fields_is_named()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes[MasterDataObjectTypes.Supplier].FieldGroups["payment"] = new FieldGroupOwnershipOptions();

        var problems = options.Validate().ToList();

        Assert.Contains(problems, p => p.StartsWith("MasterData:SystemOfRecord:ObjectTypes:SUPPLIER:FieldGroups:payment:Owners is empty", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("MasterData:SystemOfRecord:ObjectTypes:SUPPLIER:FieldGroups:payment:Fields is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Field_in_two_groups_is_named()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes[MasterDataObjectTypes.Supplier].FieldGroups["payment"] = new FieldGroupOwnershipOptions { Owners = ["sap-s4"], Fields = ["taxId"] };

        var problem = Assert.Single(options.Validate());
        Assert.Contains("lists 'taxId', which is already in group 'tax'", problem);
    }

    [Fact]
    public void Reserved_group_name_is_refused()
    {
        var options = SystemOfRecordOptions.Default();
        options.ObjectTypes[MasterDataObjectTypes.Supplier].FieldGroups["*"] = new FieldGroupOwnershipOptions { Owners = ["sap-s4"], Fields = ["x"] };

        var problem = Assert.Single(options.Validate());
        Assert.Contains("reserved", problem);
    }
}
