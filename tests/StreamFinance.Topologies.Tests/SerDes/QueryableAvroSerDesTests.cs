using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Topologies.Tests.SerDes;

public class QueryableAvroSerDesTests
{
    private static readonly SerializationContext Context = new(MessageComponentType.Value, Topics.CostCenters.Name);

    private static CostCenter CostCenter(string id, CostCenterStatus status) => new()
    {
        envelope = new Envelope
        {
            eventId = Guid.Parse("6f1c7a52-5a7e-4c1e-9d0a-2f7f2f0e7a11"), correlationId = $"sap-s4:{id}", sourceSystem = "sap-s4", sourceId = id,
            eventTime = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), ingestTime = new DateTime(2026, 3, 31, 8, 0, 0, DateTimeKind.Utc),
            idempotencyKey = $"sap-s4:{id}:1",
        },
        costCenterId = id, name = "Marketing Events", legalEntityId = "US01", status = status,
        validFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), validTo = null, ownerEmployeeId = "E-1",
        effectiveFrom = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public void The_synchronous_reader_reads_what_the_Confluent_serializer_wrote()
    {
        var registry = new InMemorySchemaRegistryClient();
        var bytes = new SerDesFactory(registry).Avro<CostCenter>().Serialize(CostCenter("CC-1042", CostCenterStatus.INACTIVE), Context);

        var back = new AvroSpecificReader<CostCenter>(registry).Read(bytes);

        Assert.Equal(("CC-1042", CostCenterStatus.INACTIVE, "sap-s4"), (back.costCenterId, back.status, back.envelope.sourceSystem));
        Assert.Null(back.validTo);
    }

    [Fact]
    public void Bytes_that_are_not_Confluent_Avro_are_refused_naming_the_type()
    {
        var reader = new AvroSpecificReader<CostCenter>(new InMemorySchemaRegistryClient());

        var error = Assert.Throws<InvalidDataException>(() => reader.Read("{\"json\":1}"u8.ToArray()));

        Assert.Contains("not Confluent Avro wire format", error.Message);
        Assert.Contains(nameof(CostCenter), error.Message);
    }

    [Fact]
    public void A_schema_id_the_registry_does_not_know_is_reported_with_the_id()
    {
        var reader = new AvroSpecificReader<CostCenter>(new InMemorySchemaRegistryClient());

        var error = Assert.Throws<InvalidDataException>(() => reader.Read([0, 0, 0, 0x30, 0x39, 2, 4]));

        Assert.Contains("Schema id 12345", error.Message);
    }

    [Fact]
    public void Queryable_serdes_round_trips_and_keeps_null_as_null()
    {
        var serDes = new SerDesFactory(new InMemorySchemaRegistryClient()).QueryableAvro<CostCenter>();

        var back = serDes.Deserialize(serDes.Serialize(CostCenter("CC-1000", CostCenterStatus.ACTIVE), Context), Context);

        Assert.Equal("CC-1000", back.costCenterId);
        Assert.Null(serDes.Deserialize(null!, Context));
    }

    [Fact]
    public void Queryable_serdes_decodes_equal_bytes_once_and_changed_bytes_again()
    {
        var serDes = new SerDesFactory(new InMemorySchemaRegistryClient()).QueryableAvro<CostCenter>();
        var active = serDes.Serialize(CostCenter("CC-1000", CostCenterStatus.ACTIVE), Context);
        var inactive = serDes.Serialize(CostCenter("CC-1000", CostCenterStatus.INACTIVE), Context);

        var first = serDes.Deserialize(active, Context);
        var again = serDes.Deserialize([.. active], Context);
        var changed = serDes.Deserialize(inactive, Context);

        Assert.Same(first, again);
        Assert.Equal(CostCenterStatus.INACTIVE, changed.status);
    }

    [Fact]
    public void Decoded_value_cache_stays_within_its_bounds()
    {
        var cache = new DecodedValueCache<string>(maxEntries: 3, maxBytes: 1_000);
        var decodes = 0;
        string Decode(byte[] data)
        {
            decodes++;
            return Convert.ToHexString(data);
        }

        for (byte i = 0; i < 10; i++)
            cache.GetOrDecode([i], Decode);
        var big = cache.GetOrDecode(new byte[999], Decode);
        var bigAgain = cache.GetOrDecode(new byte[999], Decode);

        Assert.True(cache.Count <= 3, $"{cache.Count} entries");
        Assert.Equal(11, decodes);
        Assert.Same(big, bigAgain);
    }
}
