using Confluent.Kafka;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Topologies.MasterData;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;
using StreamFinance.Rules.Lookups;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class MasterDataOwnershipTests : IDisposable
{
    private const string Bank = "5f1c2e4a0b6d8f9e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081";
    private readonly MasterDataDriver md = new();

    [Fact]
    public void A_cost_center_from_a_system_that_is_not_its_system_of_record_is_dead_lettered_as_ownership_violation_for_integration_support()
    {
        md.Send(CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1), source: "coupa"));

        var record = Assert.Single(md.DeadLetters.ReadKeyValueList());
        var deadLetter = record.Message.Value;
        Assert.Equal("COST_CENTER:CC-1000", record.Message.Key);
        Assert.Equal("OWNERSHIP_VIOLATION", deadLetter.reasonCode);
        Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, deadLetter.ownerRole);
        Assert.Contains("Source 'coupa' may not write cost center data; the system of record is 'sap-s4'", deadLetter.message);
        Assert.Equal(MasterDataNames.ApplyOutcome, deadLetter.processor);
        Assert.Equal("corr-coupa-CC-1000", deadLetter.correlationId);
        var original = md.Context.SerDes.Avro<MasterDataUpdate>().Deserialize(
            deadLetter.rawValue, new SerializationContext(MessageComponentType.Value, deadLetter.originTopic));
        Assert.Equal(("CC-1000", "coupa"), (original.businessKey, original.envelope.sourceSystem));
        Assert.Empty(md.History.ReadKeyValueList());
        Assert.Empty(md.CostCenters.ReadKeyValueList());
    }

    [Fact]
    public void Procurement_changing_an_erp_suppliers_bank_fingerprint_is_dead_lettered_and_the_erp_version_stays_in_force()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        var tampered = SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", new string('f', 64), "coupa", Day(2026, 2, 1));

        md.Send(Supplier(tampered, Day(2026, 2, 1)));

        var deadLetter = Assert.Single(md.DeadLetters.ReadValueList());
        Assert.Equal("OWNERSHIP_VIOLATION", deadLetter.reasonCode);
        Assert.Contains("Source 'coupa' may not write supplier bank data; the system of record is 'sap-s4'", deadLetter.message);
        Assert.Contains("field groups refused: bank", deadLetter.message);
        var history = md.HistoryStore.Get("SUPPLIER:SUP-0002");
        Assert.Equal(Bank, history.ValueAsOf<Supplier>(new DateOnly(2026, 3, 1))!.bankAccountFingerprint);
        Assert.Single(history.versions);
    }

    [Fact]
    public void Procurement_may_change_the_contacts_of_an_erp_supplier_and_the_golden_record_carries_them()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        var withContacts = SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "coupa", Day(2026, 2, 1), [Contact("Anna Weber")]);

        md.Send(Supplier(withContacts, Day(2026, 2, 1)));

        Assert.Empty(md.DeadLetters.ReadKeyValueList());
        Assert.Equal(2, md.HistoryStore.Get("SUPPLIER:SUP-0002").versions.Count);
        var golden = MasterDataDriver.Compacted(md.Suppliers)["SUP-0002"];
        Assert.Equal(["Anna Weber"], golden.contacts.Select(c => c.name));
        Assert.Equal([("sap-s4", "SUP-0002")], golden.sourceReferences.Select(r => (r.sourceSystem, r.sourceId)));
    }

    [Fact]
    public void An_erp_supplier_update_without_contacts_keeps_the_contacts_procurement_set()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "coupa", Day(2026, 2, 1), [Contact("Anna Weber")]), Day(2026, 2, 1)));

        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4", Day(2026, 3, 1), status: SupplierStatus.BLOCKED), Day(2026, 3, 1)));

        Assert.Empty(md.DeadLetters.ReadKeyValueList());
        var inForce = md.HistoryStore.Get("SUPPLIER:SUP-0002").ValueAsOf<Supplier>(new DateOnly(2026, 3, 1))!;
        Assert.Equal(SupplierStatus.BLOCKED, inForce.status);
        Assert.Equal(["Anna Weber"], inForce.contacts.Select(c => c.name));
    }

    [Fact]
    public void A_supplier_delete_from_procurement_is_an_ownership_violation()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));

        md.Send(Delete(MasterDataObjectType.SUPPLIER, "SUP-0002", Day(2026, 4, 1), "coupa"));

        Assert.Equal("OWNERSHIP_VIOLATION", Assert.Single(md.DeadLetters.ReadValueList()).reasonCode);
        Assert.Single(md.HistoryStore.Get("SUPPLIER:SUP-0002").versions);
    }

    [Fact]
    public void A_system_that_owns_no_part_of_suppliers_may_not_create_one()
    {
        md.Send(Supplier(SupplierRecord("ARB-17", "Acme Industrial Supply Inc.", "US941234567", Bank, "ariba")));

        var deadLetter = Assert.Single(md.DeadLetters.ReadValueList());
        Assert.Equal("OWNERSHIP_VIOLATION", deadLetter.reasonCode);
        Assert.Contains("Source 'ariba' may not write supplier data", deadLetter.message);
        Assert.Empty(md.Suppliers.ReadKeyValueList());
    }

    public void Dispose() => md.Dispose();
}
