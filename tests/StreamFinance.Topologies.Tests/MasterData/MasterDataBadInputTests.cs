using System.Text;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Topologies.MasterData;
using static StreamFinance.Topologies.Tests.MasterData.TestUpdates;

namespace StreamFinance.Topologies.Tests.MasterData;

public sealed class MasterDataBadInputTests : IDisposable
{
    private readonly MasterDataDriver md = new();

    [Fact]
    public void An_update_keyed_with_an_unknown_object_type_is_dead_lettered_as_unknown_object_type()
    {
        md.Send(CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1)), key: "VENDOR:CC-1000");

        var deadLetter = SingleDeadLetter("UNKNOWN_OBJECT_TYPE");
        Assert.Contains("Object type 'VENDOR' is not known", deadLetter.message);
        Assert.Equal(Encoding.UTF8.GetBytes("VENDOR:CC-1000"), deadLetter.rawKey);
    }

    [Fact]
    public void An_update_whose_record_key_names_another_object_type_is_dead_lettered_as_unknown_object_type()
    {
        md.Send(CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1)), key: "PROJECT:CC-1000");

        Assert.Contains("says object type PROJECT but the update says COST_CENTER", SingleDeadLetter("UNKNOWN_OBJECT_TYPE").message);
    }

    [Theory]
    [InlineData("COST_CENTER:", "", "has no business key")]
    [InlineData("CC-1000", "CC-1000", "is not '<OBJECT_TYPE>:<business key>'")]
    [InlineData("COST_CENTER:CC-9999", "CC-1000", "carries business key 'CC-9999' but the update says 'CC-1000'")]
    public void An_update_without_a_usable_business_key_is_dead_lettered_as_missing_key(string recordKey, string businessKey, string expected)
    {
        var update = CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1));
        update.businessKey = businessKey;

        md.Send(update, key: recordKey);

        Assert.Contains(expected, SingleDeadLetter("MISSING_KEY").message);
    }

    [Theory]
    [InlineData("cost_center:CC-1000", "spells the object type 'cost_center'; look-ups find COST_CENTER objects only under 'COST_CENTER:CC-1000'")]
    [InlineData("Cost_Center:CC-1000", "Key the record 'COST_CENTER:CC-1000'")]
    [InlineData(" COST_CENTER:CC-1000", "spells the object type ' COST_CENTER'")]
    public void An_update_keyed_with_the_object_type_spelled_otherwise_is_dead_lettered_not_stored_out_of_reach(string recordKey, string expected)
    {
        md.Send(CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1)), key: recordKey);

        Assert.Contains(expected, SingleDeadLetter("MISSING_KEY").message);
        Assert.Null(md.HistoryStore.Get(recordKey));
    }

    [Fact]
    public void An_update_whose_business_key_has_blanks_around_it_is_dead_lettered_as_missing_key()
    {
        var update = CostCenter(" CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1));

        md.Send(update, key: "COST_CENTER: CC-1000");

        Assert.Contains("business key ' CC-1000' has blanks around it", SingleDeadLetter("MISSING_KEY").message);
    }

    [Fact]
    public void An_update_whose_payload_names_another_object_is_dead_lettered_as_missing_key()
    {
        var update = CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1));
        ((CostCenter)update.payload).costCenterId = "CC-2000";

        md.Send(update);

        Assert.Contains("Payload field costCenterId is 'CC-2000'", SingleDeadLetter("MISSING_KEY").message);
    }

    [Theory]
    [InlineData(1970, 1, 1)]
    [InlineData(2999, 12, 31)]
    public void An_update_with_an_implausible_effective_date_is_dead_lettered_as_invalid_effective_date(int year, int month, int day)
    {
        md.Send(CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(year, month, day)));

        Assert.Contains($"Effective date {year:0000}-{month:00}-{day:00} of COST_CENTER 'CC-1000' is not plausible", SingleDeadLetter("INVALID_EFFECTIVE_DATE").message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1.25")]
    public void An_exchange_rate_of_zero_or_less_is_dead_lettered_as_invalid_fx_rate(string rate)
    {
        md.Send(Rate("USD", "EUR", Day(2026, 4, 10), decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

        var deadLetter = SingleDeadLetter("INVALID_FX_RATE");
        Assert.Contains($"Exchange rate USD->EUR on 2026-04-10 is {rate}", deadLetter.message);
        Assert.Empty(md.FxRates.ReadKeyValueList());
    }

    [Fact]
    public void An_upsert_without_a_payload_is_dead_lettered_as_schema_invalid()
    {
        var update = CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1));
        update.payload = null;

        md.Send(update);

        Assert.Contains("has no payload", SingleDeadLetter("SCHEMA_INVALID").message);
    }

    [Fact]
    public void An_upsert_carrying_another_object_types_record_is_dead_lettered_as_schema_invalid()
    {
        var update = CostCenter("CC-1000", CostCenterStatus.ACTIVE, Day(2026, 1, 1));
        update.objectType = MasterDataObjectType.PROJECT;

        md.Send(update, key: "PROJECT:CC-1000");

        Assert.Contains("carries a CostCenter, not a Project", SingleDeadLetter("SCHEMA_INVALID").message);
    }

    [Fact]
    public void A_tombstone_on_md_updates_is_dead_lettered_rather_than_dropped()
    {
        md.Send(null!, key: "COST_CENTER:CC-1000");

        Assert.Contains("has no value (a tombstone)", SingleDeadLetter("SCHEMA_INVALID").message);
    }

    [Fact]
    public void Every_bad_input_dead_letter_is_for_integration_support_names_the_validate_step_and_keeps_the_record_bytes()
    {
        md.Send(Rate("USD", "EUR", Day(2026, 4, 10), 0m));

        var deadLetter = SingleDeadLetter("INVALID_FX_RATE");
        Assert.Equal(OwnerRole.INTEGRATION_SUPPORT, deadLetter.ownerRole);
        Assert.Equal(MasterDataNames.Validate, deadLetter.processor);
        Assert.NotEmpty(deadLetter.rawValue);
        Assert.Equal("corr-d365-USD/EUR/2026-04-10", deadLetter.correlationId);
    }

    private DeadLetter SingleDeadLetter(string reason)
    {
        var deadLetter = Assert.Single(md.DeadLetters.ReadValueList());
        Assert.Equal(reason, deadLetter.reasonCode);
        Assert.Empty(md.History.ReadKeyValueList());
        return deadLetter;
    }

    public void Dispose() => md.Dispose();
}
