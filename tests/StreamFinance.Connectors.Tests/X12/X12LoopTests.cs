namespace StreamFinance.Connectors.Tests.X12;

public class X12LoopTests
{
    private static StreamFinance.Connectors.Sources.ISourceDocument Order(params string[] body) =>
        X12Text.Single(X12Text.PurchaseOrders(X12Text.Set("850", "0001", ["BEG*00*NE*PO-1**20261120", .. body]))).Document;

    [Fact]
    public void PO1_items_are_the_order_lines_with_their_child_segments_up_to_the_next_line_or_CTT()
    {
        var document = Order(
            "N1*BY*Buyer*92*US01",
            "PO1*1*10*EA*12.50**VP*AC-1001",
            "PID*F****Gloves",
            "DTM*002*20261210",
            "PO1*2*4*BX*86.00**VP*AC-2040",
            "PID*F****Tape",
            "CTT*2",
            "AMT*TT*469");

        var lines = document.Items("PO1");

        Assert.Equal(2, lines.Count);
        Assert.Equal(["1", "2"], lines.Select(l => l.Value("PO101")));
        Assert.Equal("Gloves", lines[0].Value("PID05"));
        Assert.Equal("20261210", lines[0].Value("DTM[002]02"));
        Assert.Equal("Tape", lines[1].Value("PID05"));
        Assert.Null(lines[1].Value("DTM[002]02"));
        Assert.Null(lines[1].Value("CTT01"));
        Assert.Null(lines[1].Value("AMT02"));
    }

    [Fact]
    public void An_item_holds_only_its_own_segments_not_the_envelope()
    {
        var line = Assert.Single(Order("PO1*1*10*EA*12.50**VP*AC-1001", "CTT*1").Items("PO1"));

        Assert.Null(line.Value("ISA06"));
        Assert.Null(line.Value("BEG03"));
        Assert.Equal("AC-1001", line.Value("PO107"));
    }

    [Fact]
    public void N1_items_are_party_loops_with_their_address_segments()
    {
        var document = Order(
            "N1*BY*StreamFinance Demo Inc.*92*US01",
            "N3*100 Market Street",
            "N4*San Francisco*CA*94105*US",
            "N1*ST*Receiving*92*US01-SF",
            "N3*100 Market Street*Dock 4",
            "DTM*002*20261204",
            "N1*VN*Acme*92*SUP-0001",
            "PO1*1*1*EA*1.00",
            "CTT*1");

        var parties = document.Items("N1");

        Assert.Equal(["BY", "ST", "VN"], parties.Select(p => p.Value("N101")));
        Assert.Equal("San Francisco", parties[0].Value("N401"));
        Assert.Equal("Dock 4", parties[1].Value("N302"));
        Assert.Null(parties[1].Value("DTM[002]02"));
        Assert.Null(parties[2].Value("PO101"));
    }

    [Fact]
    public void A_qualified_items_path_keeps_only_loops_with_that_qualifier()
    {
        var document = Order("N1*BY*Buyer*92*US01", "N3*Main St", "N1*ST*Dock*92*US01-SF", "N3*Pier 4", "CTT*0");

        var shipTo = Assert.Single(document.Items("N1[ST]"));

        Assert.Equal("Pier 4", shipTo.Value("N301"));
    }

    [Fact]
    public void Header_N1_items_do_not_include_the_parties_of_order_lines_but_a_line_has_its_own()
    {
        var document = Order(
            "N1*BY*Buyer*92*DE01",
            "PO1*1*1*EA*1.00",
            "N1*ST*Line ship-to*92*DE01-BER-2",
            "N3*Dock 2",
            "PO1*2*1*EA*1.00",
            "CTT*2");

        Assert.Equal(["BY"], document.Items("N1").Select(p => p.Value("N101")));
        var lineParty = Assert.Single(document.Items("PO1")[0].Items("N1"));
        Assert.Equal("DE01-BER-2", lineParty.Value("N104"));
        Assert.Equal("Dock 2", lineParty.Value("N301"));
        Assert.Empty(document.Items("PO1")[1].Items("N1"));
    }

    [Fact]
    public void IT1_items_end_at_the_TDS_summary()
    {
        var document = X12Text.Single(X12Text.Interchange([X12Text.Group("IN", "1", [X12Text.Invoice()])])).Document;

        var lines = document.Items("IT1");

        Assert.Equal(2, lines.Count);
        Assert.Equal("Nitrile gloves", lines[0].Value("PID05"));
        Assert.Equal("86.00", lines[1].Value("IT104"));
        Assert.Null(lines[1].Value("TDS01"));
        Assert.Equal("46900", document.Value("TDS01"));
    }

    [Fact]
    public void Other_segment_ids_give_one_item_per_header_occurrence()
    {
        var document = Order("DTM*002*20261204", "DTM*010*20261201", "REF*DP*CC-1020", "PO1*1*1*EA*1.00", "DTM*002*20261210", "CTT*1");

        Assert.Equal(["20261204", "20261201"], document.Items("DTM").Select(d => d.Value("DTM02")));
        Assert.Equal("20261201", Assert.Single(document.Items("DTM[010]")).Value("DTM02"));
        Assert.Empty(document.Items("SAC"));
    }
}
