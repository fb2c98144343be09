using StreamFinance.Contracts;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Domain.MasterData;
using StreamFinance.Domain.MasterData.Golden;
using StreamFinance.Kafka.Configuration;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class SupplierMasteringTests : IDisposable
{
    private const string Bank = "5f1c2e4a0b6d8f9e1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081";
    private const string PairId = "coupa:CP-1002|sap-s4:SUP-0002";
    private MasterDataDriver md = new();

    [Fact]
    public void A_procurement_supplier_with_the_erp_suppliers_tax_id_and_bank_account_is_a_duplicate_candidate_with_score_and_evidence()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        md.Send(Supplier(SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE 811 234 567", Bank, "coupa", Day(2026, 3, 1))));

        var candidate = Assert.Single(md.Duplicates.ReadKeyValueList());
        Assert.Equal(PairId, candidate.Message.Key);
        var pair = candidate.Message.Value;
        Assert.Equal(("coupa", "CP-1002", "sap-s4", "SUP-0002"), (pair.first.sourceSystem, pair.first.sourceId, pair.second.sourceSystem, pair.second.sourceId));
        Assert.Equal(("Mueller Buerotechnik GmbH", "Müller Bürotechnik GmbH"), (pair.firstName, pair.secondName));
        Assert.Equal(1.0m, AvroDecimals.ToDecimal(pair.score));
        Assert.Equal("same tax id DE811234567", pair.evidence[0]);
        Assert.StartsWith("same bank account fingerprint 5f1c2e4a0b6d", pair.evidence[1]);
        Assert.StartsWith("name similarity", pair.evidence[2]);
        Assert.Equal(DuplicateCandidateStatus.MERGED, pair.status);
        Assert.Equal(MasterDataDriver.Now.UtcDateTime, pair.detectedAt);
    }

    [Fact]
    public void A_pair_below_the_auto_merge_threshold_stays_open_and_both_suppliers_keep_their_own_golden_records()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        md.Send(Supplier(SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE999999999", Bank, "coupa", Day(2026, 3, 1))));

        var pair = Assert.Single(md.Duplicates.ReadValueList());
        Assert.Equal(DuplicateCandidateStatus.OPEN, pair.status);
        Assert.InRange(AvroDecimals.ToDecimal(pair.score), 0.6m, 0.8999m);
        Assert.Equal(["SUP-0002", "coupa:CP-1002"], MasterDataDriver.Compacted(md.Suppliers).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_auto_merged_duplicate_gives_one_golden_record_with_cross_references_to_both_sources_and_retires_the_procurement_golden_id()
    {
        md.Send(Supplier(SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE811234567", Bank, "coupa", Day(2026, 1, 5), [Contact("Anna Weber")])));
        Assert.Equal(["coupa:CP-1002"], md.Suppliers.ReadKeyValueList().Select(r => r.Message.Key));

        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));

        var records = md.Suppliers.ReadKeyValueList().ToList();
        Assert.Equal([("SUP-0002", true), ("coupa:CP-1002", false)], records.Select(r => (r.Message.Key, r.Message.Value is not null)));
        var golden = records[0].Message.Value;
        Assert.Equal("SUP-0002", golden.supplierId);
        Assert.Equal([("coupa", "CP-1002"), ("sap-s4", "SUP-0002")], golden.sourceReferences.Select(r => (r.sourceSystem, r.sourceId)));
        Assert.Equal("Müller Bürotechnik GmbH", golden.legalName);
        Assert.Equal(["Anna Weber"], golden.contacts.Select(c => c.name));
        Assert.Equal(DuplicateCandidateStatus.MERGED, Assert.Single(md.Duplicates.ReadValueList()).status);
    }

    [Fact]
    public void Survivorship_keeps_the_erp_bank_account_over_a_newer_procurement_value_and_takes_the_most_recent_contacts()
    {
        var options = MasterDataOptions.Default();
        options.Survivorship.FieldRules[SupplierFields.Contacts] = SurvivorshipRule.MostRecentWins;
        md.Dispose();
        md = new MasterDataDriver(options);
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4", Day(2026, 1, 2), [Contact("Anna Weber")])));
        // Procurement's own record, newer, with another bank account and new contacts, explicitly linked to the ERP supplier.
        var procurement = SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE811234567", new string('c', 64), "coupa", Day(2026, 3, 1),
            [Contact("Bernd Krause")], crossReferences: ("sap-s4", "SUP-0002"));

        md.Send(Supplier(procurement));

        var golden = MasterDataDriver.Compacted(md.Suppliers);
        var supplier = Assert.Single(golden).Value;
        Assert.Equal("SUP-0002", supplier.supplierId);
        Assert.Equal(Bank, supplier.bankAccountFingerprint);
        Assert.Equal(["Bernd Krause"], supplier.contacts.Select(c => c.name));
        Assert.Equal("Müller Bürotechnik GmbH", supplier.legalName);
        Assert.Equal([("coupa", "CP-1002"), ("sap-s4", "SUP-0002")], supplier.sourceReferences.Select(r => (r.sourceSystem, r.sourceId)));
        Assert.Equal(Day(2026, 3, 1), supplier.envelope.eventTime);
    }

    [Fact]
    public void With_the_default_rules_procurement_contacts_win_even_when_the_erp_record_is_newer()
    {
        md.Send(Supplier(SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE811234567", Bank, "coupa", Day(2026, 1, 5), [Contact("Bernd Krause")])));
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4", Day(2026, 3, 1), [Contact("Anna Weber")])));

        var supplier = MasterDataDriver.Compacted(md.Suppliers)["SUP-0002"];

        Assert.Equal(["Bernd Krause"], supplier.contacts.Select(c => c.name));
    }

    [Fact]
    public void An_unchanged_golden_record_is_not_written_again()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        md.Suppliers.ReadKeyValueList();

        // A new version that changes nothing survivorship reads (only the effective date moves).
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4"), Day(2026, 2, 1)));

        Assert.Equal(2, md.HistoryStore.Get("SUPPLIER:SUP-0002").versions.Count);
        Assert.Empty(md.Suppliers.ReadKeyValueList());
    }

    [Fact]
    public void A_supplier_that_stops_matching_is_split_out_its_pair_withdrawn_and_both_get_golden_records_again()
    {
        md.Send(Supplier(SupplierRecord("SUP-0002", "Müller Bürotechnik GmbH", "DE811234567", Bank, "sap-s4")));
        md.Send(Supplier(SupplierRecord("CP-1002", "Mueller Buerotechnik GmbH", "DE811234567", Bank, "coupa", Day(2026, 1, 5))));
        md.Duplicates.ReadKeyValueList();
        md.Suppliers.ReadKeyValueList();

        // The ERP corrects its supplier: another company altogether.
        md.Send(Supplier(SupplierRecord("SUP-0002", "Zeiss Optik AG", "DE100200300", new string('a', 64), "sap-s4", Day(2026, 2, 1)), Day(2026, 2, 1)));

        var withdrawn = Assert.Single(md.Duplicates.ReadKeyValueList());
        Assert.Equal((PairId, null), (withdrawn.Message.Key, withdrawn.Message.Value));
        var golden = MasterDataDriver.Compacted(md.Suppliers);
        Assert.Equal(["SUP-0002", "coupa:CP-1002"], golden.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Zeiss Optik AG", golden["SUP-0002"].legalName);
        Assert.Equal([("coupa", "CP-1002")], golden["coupa:CP-1002"].sourceReferences.Select(r => (r.sourceSystem, r.sourceId)));
    }

    [Fact]
    public void Deleting_a_supplier_tombstones_its_golden_record()
    {
        md.Send(Supplier(SupplierRecord("SUP-0004", "Northwind Traders Ltd", "US957654321", Bank, "sap-s4")));
        md.Send(Delete(MasterDataObjectType.SUPPLIER, "SUP-0004", Day(2026, 4, 1), "sap-s4"));

        var records = md.Suppliers.ReadKeyValueList().ToList();

        Assert.Equal([("SUP-0004", true), ("SUP-0004", false)], records.Select(r => (r.Message.Key, r.Message.Value is not null)));
    }

    public void Dispose() => md.Dispose();
}
