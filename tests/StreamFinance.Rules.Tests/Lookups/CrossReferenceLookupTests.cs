using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Rules.Lookups;
using static StreamFinance.Rules.Tests.Expenses.RulesWorld;

namespace StreamFinance.Rules.Tests.Lookups;

/// <summary>
/// <see cref="MasterDataReader.EmployeeByReference"/>: the employee whose cross-references, in the version in force on
/// the date, list a source system's id, compared exactly and per source system.
/// </summary>
public class CrossReferenceLookupTests
{
    private static readonly MasterDataReader Reader = new(new InMemoryMasterDataLookup()
        .Put(Of(MasterDataObjectType.EMPLOYEE, "E-1", ("2026-01-01", Employee("E-1", "2026-01-01")), ("2026-04-01", Employee("E-1", "2026-04-01", ("edi-x12", "JSMITH")))))
        .Put(Of(MasterDataObjectType.EMPLOYEE, "E-2", ("2026-01-01", Employee("E-2", "2026-01-01", ("coupa", "JSMITH"), ("edi-x12", "MBAUER"))))));

    [Theory]
    [InlineData("edi-x12", "JSMITH", "2026-04-10", "E-1")]
    [InlineData("edi-x12", "JSMITH", "2026-03-31", null)]
    [InlineData("coupa", "JSMITH", "2026-03-31", "E-2")]
    [InlineData("edi-x12", "MBAUER", "2026-04-10", "E-2")]
    [InlineData("edi-x12", "jsmith", "2026-04-10", null)]
    [InlineData("edi-x13", "JSMITH", "2026-04-10", null)]
    public void The_employee_listing_a_source_id_in_the_version_in_force_on_the_date_is_found(string source, string id, string date, string? expected)
    {
        var found = Reader.EmployeeByReference(source, id, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected, found?.Value!.employeeId);
    }

    [Fact]
    public void An_item_category_is_keyed_by_legal_entity_and_category_code() =>
        Assert.Equal("US01/44121618", LookupKeys.ItemCategory("US01", "44121618"));

    private static Employee Employee(string id, string from, params (string System, string Id)[] references) => new()
    {
        envelope = new Envelope
        {
            eventId = Guid.Empty, correlationId = id, sourceSystem = "netsuite", sourceId = id, eventTime = Day(from), ingestTime = Day(from), idempotencyKey = id,
        },
        employeeId = id, legalEntityId = "DE01", defaultCostCenterId = "CC-2010", status = EmployeeStatus.ACTIVE, effectiveFrom = Day(from),
        sourceReferences = references.Length == 0 ? null : [.. references.Select(r => new EmployeeSourceReference { sourceSystem = r.System, sourceId = r.Id })],
    };
}
