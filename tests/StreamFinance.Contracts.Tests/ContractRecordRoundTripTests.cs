using Avro;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Contracts.Tests.Support;

namespace StreamFinance.Contracts.Tests;

public sealed class ContractRecordRoundTripTests
{
    public static TheoryData<string> RecordTypes { get; } = new(ContractTypes.SpecificRecords.Select(t => t.FullName!));

    public static TheoryData<string> MasterDataPayloadTypes { get; } = new(
        ((UnionSchema)((RecordSchema)MasterDataUpdate._SCHEMA)["payload"].Schema).Schemas
            .OfType<NamedSchema>()
            .Select(s => s.Fullname));

    [Theory]
    [MemberData(nameof(RecordTypes))]
    public async Task Every_generated_record_round_trips_fully_populated_through_Confluent_Avro_serdes(string typeName)
    {
        var type = ContractTypes.Assembly.GetType(typeName, throwOnError: true)!;
        var record = new SampleRecordBuilder().Build(type);
        RecordAssert.FullyPopulated(record, type.Name);

        var roundTripped = await ConfluentRoundTrip.RunAsync(record);

        RecordAssert.Equal(record, roundTripped, type.Name);
    }

    [Theory]
    [MemberData(nameof(MasterDataPayloadTypes))]
    public async Task Master_data_update_round_trips_with_each_kind_of_payload(string payloadTypeName)
    {
        var builder = new SampleRecordBuilder { UnionBranch = union => union.Schemas.Single(s => s.Fullname == payloadTypeName) };
        var update = (MasterDataUpdate)builder.Build(typeof(MasterDataUpdate));
        Assert.Equal(payloadTypeName, update.payload.GetType().FullName);

        var roundTripped = await ConfluentRoundTrip.RunAsync(update);

        RecordAssert.Equal(update, roundTripped, nameof(MasterDataUpdate));
    }

    [Fact]
    public void Discovery_finds_the_records_of_all_four_contract_namespaces()
    {
        var namespaces = ContractTypes.SpecificRecords.Select(t => t.Namespace).Distinct().Order().ToList();

        Assert.Equal(
            ["StreamFinance.Contracts.Common", "StreamFinance.Contracts.MasterData", "StreamFinance.Contracts.Outputs", "StreamFinance.Contracts.Transactions"],
            namespaces);
    }
}
