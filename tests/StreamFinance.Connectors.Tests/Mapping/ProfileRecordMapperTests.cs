using System.Text;
using Avro.IO;
using Avro.Specific;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Sources;
using StreamFinance.Connectors.Sources.Formats;
using StreamFinance.Connectors.Tests.Support;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.Transactions;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.Tests.Mapping;

public class ProfileRecordMapperTests
{
    private static readonly IRecordMapper Mapper = new MappingProfileLoader().Load(MinimalProfile.Yaml, "test-cards.yaml");

    private static SourceRecord Record(string json) => new()
    {
        Position = new SourcePosition("test", 1), Raw = Encoding.UTF8.GetBytes(json), Document = JsonSourceDocument.Parse(Encoding.UTF8.GetBytes(json)),
    };

    private const string Good = """{"id":"T1","employee":"E-US01-001","posted":"20261121","date":"2026-11-20","amount":"1.234,5","currency":"usd"}""";

    private static byte[] AvroBytes(ISpecificRecord record)
    {
        using var stream = new MemoryStream();
        new SpecificDefaultWriter(record.Schema).Write(record, new BinaryEncoder(stream));
        return stream.ToArray();
    }

    [Fact]
    public void A_re_sent_record_maps_to_identical_bytes_apart_from_ingest_time()
    {
        // With eventTime mapped; without it the event time is the ingest time and differs as well.
        var mapper = new MappingProfileLoader().Load(MinimalProfile.With("sourceId: $.id", "sourceId: $.id\neventTime: $.date"), "t.yaml");
        var first = (CardTransaction)mapper.Map(Record(Good), new DateTime(2026, 11, 26, 6, 0, 0, DateTimeKind.Utc)).Record!.Value;
        var again = (CardTransaction)mapper.Map(Record(Good), new DateTime(2026, 11, 27, 8, 30, 0, DateTimeKind.Utc)).Record!.Value;

        Assert.Equal(first.envelope.eventId, again.envelope.eventId);
        again.envelope.ingestTime = first.envelope.ingestTime;
        Assert.Equal(AvroBytes(first), AvroBytes(again));
    }

    [Fact]
    public void Envelope_is_filled_from_the_profile_and_key_defaults_to_the_source_id()
    {
        var mapped = Mapper.Map(Record(Good), new DateTime(2026, 11, 26, 6, 0, 0, 123, DateTimeKind.Utc)).Record!;
        var value = (CardTransaction)mapped.Value;

        Assert.Equal("T1", mapped.Key);
        Assert.Equal("testbank:ingest.card-transactions:T1", value.envelope.idempotencyKey);
        Assert.Equal(value.envelope.idempotencyKey, value.envelope.correlationId);
        Assert.Equal(DeterministicIds.EventId(value.envelope.idempotencyKey), value.envelope.eventId);
        Assert.Equal("test-cards@7", value.envelope.mappingProfile);
        Assert.Equal(value.envelope.ingestTime, value.envelope.eventTime);
        Assert.Equal(1234.5m, value.amount.ToDecimal());
        Assert.Equal("USD", value.amount.currency);
        Assert.Equal("unknown", value.merchant);
        Assert.Equal("5812", value.mcc);
        Assert.Equal(new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc), value.postedDate);
    }

    [Fact]
    public void More_decimals_than_the_schema_scale_is_schema_invalid_and_never_rounded()
    {
        var failure = Mapper.Map(Record(Good.Replace("1.234,5", "1,23456")), DateTime.UtcNow).Failure!;

        Assert.Equal(ReasonCode.SchemaInvalid, failure.Reason);
        Assert.Equal("amount.amount", failure.Field);
        Assert.Contains("'1.23456' at $.amount has more than 4 decimal places", failure.Message);
    }

    [Fact]
    public void A_missing_required_value_fails_naming_field_and_path()
    {
        var failure = Mapper.Map(Record(Good.Replace("\"employee\":\"E-US01-001\",", string.Empty)), DateTime.UtcNow).Failure!;

        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
        Assert.Equal("employeeId", failure.Field);
        Assert.Contains("employeeId: required value missing at $.employee", failure.Message);
    }

    [Fact]
    public void A_missing_source_id_fails_on_source_id()
    {
        var failure = Mapper.Map(Record("{}"), DateTime.UtcNow).Failure!;

        Assert.Equal("sourceId", failure.Field);
    }

    [Fact]
    public void A_record_of_another_format_fails_instead_of_throwing()
    {
        var csv = new SourceRecord { Position = new SourcePosition("x.csv", 2), Raw = new byte[] { 1 }, Document = new CsvSourceDocument(["id"], ["T1"]) };

        var failure = Mapper.Map(csv, DateTime.UtcNow).Failure!;

        Assert.Equal(ReasonCode.MappingFailed, failure.Reason);
    }
}
