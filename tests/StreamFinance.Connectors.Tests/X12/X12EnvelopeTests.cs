namespace StreamFinance.Connectors.Tests.X12;

public class X12EnvelopeTests
{
    private static readonly string Valid = X12Text.PurchaseOrder("0002", "PO-VALID");

    [Fact]
    public void An_ISA_element_of_the_wrong_width_fails_the_whole_interchange_with_its_bytes()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder()).Replace("STREAMFINUS01  *", "STREAMFINUS01 *");

        var failure = X12Text.SingleFailure(text);

        Assert.Contains("ISA06 is 14 characters but must be 15", failure.Message);
        Assert.Contains("segment 1 ISA", failure.Message);
        Assert.Equal(text, X12Text.Text(failure.Raw));
        Assert.Equal(1, failure.Position.Line);
    }

    [Fact]
    public void An_ISA_element_that_is_too_long_is_named()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder()).Replace("STREAMFINUS01  *", "STREAMFINUS01   *");

        Assert.Contains("ISA06 is longer than 15 characters", X12Text.SingleFailure(text).Message);
    }

    [Fact]
    public void A_truncated_ISA_fails_as_one_interchange()
    {
        var text = X12Text.Isa()[..60];

        var failure = X12Text.SingleFailure(text);

        Assert.Contains("truncated", failure.Message);
        Assert.Equal(text, X12Text.Text(failure.Raw));
    }

    [Fact]
    public void A_component_separator_equal_to_the_element_separator_is_rejected()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder()).Replace("*P*>~", "*P**~");

        Assert.Contains("component separator ISA16", X12Text.SingleFailure(text).Message);
    }

    [Fact]
    public void A_letter_after_ISA16_cannot_be_the_segment_terminator()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder()).Replace("*P*>~", "*P*>X");

        Assert.Contains("segment terminator", X12Text.SingleFailure(text).Message);
    }

    [Fact]
    public void A_non_numeric_interchange_control_number_is_rejected()
    {
        var text = X12Text.PurchaseOrders(X12Text.PurchaseOrder()).Replace("*000000001*", "*00000000A*");

        Assert.Contains("ISA13", X12Text.SingleFailure(text).Message);
    }

    [Fact]
    public void ISA13_must_equal_IEA02_or_the_whole_interchange_fails()
    {
        var text = X12Text.Interchange([X12Text.Group("PO", "1", [Valid])], ieaControl: "000000009");

        var failure = X12Text.SingleFailure(text);

        Assert.Contains("rule ISA13 = IEA02", failure.Message);
        Assert.Contains("IEA02 control number '000000009' does not match ISA13 '000000001'", failure.Message);
        Assert.Equal(text, X12Text.Text(failure.Raw));
    }

    [Fact]
    public void IEA01_must_count_the_functional_groups()
    {
        var text = X12Text.Interchange([X12Text.Group("PO", "1", [Valid])], ieaCount: 2);

        var failure = X12Text.SingleFailure(text);

        Assert.Contains("rule IEA01 = number of GS", failure.Message);
        Assert.Contains("IEA01 says '2' functional groups but the interchange has 1 GS segments", failure.Message);
    }

    [Fact]
    public void An_interchange_without_IEA_fails_whole()
    {
        var text = X12Text.PurchaseOrders(Valid);
        text = text[..text.IndexOf("IEA*", StringComparison.Ordinal)];

        var failure = X12Text.SingleFailure(text);

        Assert.Contains("no IEA segment closes the interchange", failure.Message);
        Assert.Equal(text, X12Text.Text(failure.Raw));
    }

    [Fact]
    public void GS06_must_equal_GE02_or_the_whole_group_fails_and_later_groups_are_read()
    {
        var broken = X12Text.Group("PO", "1", [X12Text.PurchaseOrder()], geControl: "7");
        var text = X12Text.Interchange([broken, X12Text.Group("PO", "2", [Valid])]);

        var results = X12Text.Read(text);

        Assert.Equal(2, results.Count);
        Assert.Contains("rule GS06 = GE02", results[0].Failure!.Message);
        Assert.Contains("GE02 control number '7' does not match GS06 '1'", results[0].Failure!.Message);
        Assert.Equal(2, results[0].Failure!.Position.Line);
        Assert.Equal(broken, X12Text.Text(results[0].Failure!.Raw));
        Assert.Equal("PO-VALID", results[1].Record!.Document.Value("BEG03"));
    }

    [Fact]
    public void GE01_must_count_the_transaction_sets()
    {
        var text = X12Text.Interchange([X12Text.Group("PO", "1", [X12Text.PurchaseOrder(), Valid], geCount: 3)]);

        var failure = X12Text.SingleFailure(text);

        Assert.Contains("rule GE01 = number of ST", failure.Message);
        Assert.Contains("GE01 says '3' transaction sets but the group has 2 ST segments", failure.Message);
    }

    [Fact]
    public void A_group_without_GE_fails_whole()
    {
        var text = X12Text.Isa() + "GS*PO*A*B*20261120*0930*1*X*005010~" + Valid + "IEA*1*000000001~";

        Assert.Contains("has no GE", X12Text.SingleFailure(text).Message);
    }

    [Fact]
    public void SE01_must_count_the_segments_from_ST_to_SE_and_the_failure_names_the_SE_segment()
    {
        var results = X12Text.Read(X12Text.PurchaseOrders(X12Text.PurchaseOrder(seCount: 9), Valid));

        var failure = results[0].Failure!;
        Assert.Contains("segment 13 SE: SE01 says '9' segments but the set has 11 from ST to SE", failure.Message);
        Assert.Contains("rule SE01 = number of segments ST..SE inclusive", failure.Message);
        Assert.Equal(3, failure.Position.Line);
        Assert.Equal(X12Text.PurchaseOrder(seCount: 9), X12Text.Text(failure.Raw));
        Assert.Equal("PO-VALID", results[1].Record!.Document.Value("BEG03"));
    }

    [Fact]
    public void ST02_must_equal_SE02()
    {
        var results = X12Text.Read(X12Text.PurchaseOrders(X12Text.PurchaseOrder(seControl: "0099"), Valid));

        Assert.Contains("segment 13 SE: SE02 control number '0099' does not match ST02 '0001' (rule ST02 = SE02)", results[0].Failure!.Message);
        Assert.NotNull(results[1].Record);
    }

    [Fact]
    public void ST01_must_match_the_functional_id_of_its_group()
    {
        var text = X12Text.Interchange([X12Text.Group("IN", "1", [X12Text.PurchaseOrder()])]);

        var failure = X12Text.SingleFailure(text);

        Assert.Contains("segment 3 ST: an 850 purchase order belongs in a functional group 'PO' but GS01 is 'IN'", failure.Message);
        Assert.Contains("rule ST01 matches GS01", failure.Message);
    }

    [Fact]
    public void Transaction_sets_other_than_850_and_810_are_rejected_with_a_clear_message_and_reading_goes_on()
    {
        var acknowledgment = X12Text.Set("855", "0001", ["BAK*00*AD*PO-1*20261120"]);
        var results = X12Text.Read(X12Text.PurchaseOrders(acknowledgment, Valid));

        Assert.Contains("segment 3 ST: transaction set '855' (ST01) is not supported; the x12 format reads 850 purchase orders and 810 invoices only", results[0].Failure!.Message);
        Assert.NotNull(results[1].Record);
    }

    [Fact]
    public void An_850_must_begin_with_BEG()
    {
        var set = X12Text.Set("850", "0001", ["CUR*BY*USD", "BEG*00*NE*PO-1**20261120"]);

        Assert.Contains("segment 4 CUR: an 850 purchase order must have BEG right after ST", X12Text.SingleFailure(X12Text.PurchaseOrders(set)).Message);
    }

    [Fact]
    public void A_transaction_set_without_SE_fails_and_the_next_set_is_read()
    {
        var unterminated = X12Text.PurchaseOrder();
        unterminated = unterminated[..unterminated.IndexOf("SE*", StringComparison.Ordinal)];
        var text = X12Text.Interchange([X12Text.Group("PO", "1", [unterminated, Valid])]);

        var results = X12Text.Read(text);

        Assert.Contains("segment 3 ST: transaction set '0001' has no SE before segment 13 ST", results[0].Failure!.Message);
        Assert.Equal(unterminated, X12Text.Text(results[0].Failure!.Raw));
        Assert.Equal("PO-VALID", results[1].Record!.Document.Value("BEG03"));
    }

    [Fact]
    public void A_malformed_segment_id_inside_a_set_is_named_with_its_number()
    {
        var set = X12Text.PurchaseOrder().Replace("CUR*BY*USD", "cur*BY*USD");

        Assert.Contains("segment 5 'cur' (not a segment id)", X12Text.SingleFailure(X12Text.PurchaseOrders(set)).Message);
    }

    [Fact]
    public void Segments_outside_a_transaction_set_are_a_failure_of_their_own()
    {
        var text = X12Text.Interchange([X12Text.Group("PO", "1", ["REF*XX*stray~", Valid], geCount: 1)]);

        var results = X12Text.Read(text);

        Assert.Contains("segment 3 REF: outside a transaction set", results[0].Failure!.Message);
        Assert.Equal("REF*XX*stray~", X12Text.Text(results[0].Failure!.Raw));
        Assert.NotNull(results[1].Record);
    }

    [Fact]
    public void Bytes_before_the_first_ISA_are_a_failure_and_the_interchange_after_them_is_read()
    {
        var results = X12Text.Read("garbage line\n" + X12Text.PurchaseOrders(Valid));

        Assert.Contains("not inside an X12 interchange", results[0].Failure!.Message);
        Assert.Equal("garbage line", X12Text.Text(results[0].Failure!.Raw));
        Assert.Equal("PO-VALID", results[1].Record!.Document.Value("BEG03"));
    }

    [Fact]
    public void A_broken_interchange_does_not_stop_the_next_interchange()
    {
        var broken = X12Text.PurchaseOrders(X12Text.PurchaseOrder()).Replace("*P*>~", "*P*>X");
        var results = X12Text.Read(broken + "\n" + X12Text.Interchange([X12Text.Group("PO", "5", [Valid])], control: "000000002"));

        Assert.Equal(2, results.Count);
        Assert.Equal(broken, X12Text.Text(results[0].Failure!.Raw));
        Assert.Equal("PO-VALID", results[1].Record!.Document.Value("BEG03"));
    }

    [Fact]
    public void Records_are_positioned_at_the_segment_number_of_their_ST_and_carry_exactly_their_bytes()
    {
        var results = X12Text.Read(X12Text.PurchaseOrders(X12Text.PurchaseOrder(), Valid));

        Assert.Equal([3L, 14L], results.Select(r => r.Record!.Position.Line));
        Assert.Equal("test.x12:14", results[1].Record!.Position.ToString());
        Assert.Equal(Valid, X12Text.Text(results[1].Record!.Raw));
    }

    [Fact]
    public void An_empty_payload_yields_nothing()
    {
        Assert.Empty(X12Text.Read(""));
        Assert.Empty(X12Text.Read("\r\n  \n"));
    }

    [Fact]
    public void Options_are_refused_because_the_format_has_none()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new StreamFinance.Connectors.Sources.X12.X12Format().Read(Array.Empty<byte>(), "x", new Dictionary<string, string> { ["delimiter"] = "|" }));

        Assert.Contains("'delimiter'", error.Message);
    }
}
