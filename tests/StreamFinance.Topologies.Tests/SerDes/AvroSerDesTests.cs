using Confluent.Kafka;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Common;
using StreamFinance.Contracts.MasterData;
using StreamFinance.Embedded.SchemaRegistry;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Mock;
using Streamiz.Kafka.Net.SerDes;

namespace StreamFinance.Topologies.Tests.SerDes;

public class AvroSerDesTests
{
    private static CostCenter SampleCostCenter() => new()
    {
        envelope = new Envelope
        {
            eventId = Guid.Parse("6f1c7a52-5a7e-4c1e-9d0a-2f7f2f0e7a11"), correlationId = "sap-s4:CC-1042", sourceSystem = "sap-s4", sourceId = "CC-1042",
            eventTime = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), ingestTime = new DateTime(2026, 3, 31, 8, 0, 0, DateTimeKind.Utc),
            idempotencyKey = "sap-s4:CC-1042:7", mappingProfile = null,
        },
        costCenterId = "CC-1042", name = "Marketing Events", legalEntityId = "US01", status = CostCenterStatus.INACTIVE,
        validFrom = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), validTo = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc),
        ownerEmployeeId = "E-US01-001", effectiveFrom = new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc),
    };

    [Fact]
    public async Task Factory_made_serdes_writes_Confluent_wire_format_and_registers_the_topic_subject()
    {
        var registry = new InMemorySchemaRegistryClient();
        var serDes = new SerDesFactory(registry).Avro<CostCenter>();
        var context = new SerializationContext(MessageComponentType.Value, Topics.CostCenters.Name);

        var bytes = serDes.Serialize(SampleCostCenter(), context);
        var back = serDes.Deserialize(bytes, context);

        Assert.Equal(0, bytes[0]); // magic byte, then a 4-byte schema id
        Assert.Contains(Topics.CostCenters.ValueSubject, await registry.GetAllSubjectsAsync());
        Assert.Equal("CC-1042", back.costCenterId);
        Assert.Equal(CostCenterStatus.INACTIVE, back.status);
        Assert.Equal(new DateTime(2026, 3, 31, 0, 0, 0, DateTimeKind.Utc), back.validTo);
    }

    [Fact]
    public async Task Writes_byte_for_byte_what_Confluents_serializer_writes_under_the_same_schema_id()
    {
        var registry = new InMemorySchemaRegistryClient();
        var context = new SerializationContext(MessageComponentType.Value, Topics.CostCenters.Name);
        var confluent = new Confluent.SchemaRegistry.Serdes.AvroSerializer<CostCenter>(registry, SerDesFactory.SerializerConfig(autoRegisterSchemas: true));

        var expected = await confluent.SerializeAsync(SampleCostCenter(), context);
        var written = new SerDesFactory(registry).Avro<CostCenter>().Serialize(SampleCostCenter(), context);

        Assert.Equal(expected, written);
        Assert.Single(await registry.GetAllSubjectsAsync());
    }

    [Fact]
    public void A_decimal_of_another_scale_than_the_schema_fails_naming_the_record_and_subject()
    {
        var serDes = new SerDesFactory(new InMemorySchemaRegistryClient()).Avro<Money>();
        var money = new Money { amount = new Avro.AvroDecimal(1.5m), currency = "USD" };

        var error = Assert.Throws<InvalidDataException>(() => serDes.Serialize(money, new SerializationContext(MessageComponentType.Value, "any-topic")));

        Assert.Contains("Money for any-topic-value", error.Message);
    }

    [Fact]
    public void Tombstones_stay_null_both_ways()
    {
        var serDes = new SerDesFactory(new InMemorySchemaRegistryClient()).Avro<CostCenter>();
        var context = new SerializationContext(MessageComponentType.Value, Topics.CostCenters.Name);

        Assert.Null(serDes.Serialize(null!, context));
        Assert.Null(serDes.Deserialize(null!, context));
    }

    [Fact]
    public void Parameterless_serdes_takes_its_registry_from_the_stream_configuration()
    {
        const string url = "inmemory://avro-serdes-test";
        SchemaRegistryClients.Register(url, new InMemorySchemaRegistryClient());
        var builder = new StreamBuilder();
        builder.Stream<string, CostCenter, StringSerDes, AvroSerDes<CostCenter>>(Topics.CostCenters.Name)
            .Filter((_, cc, _) => cc.status == CostCenterStatus.ACTIVE, "active-only")
            .To<StringSerDes, AvroSerDes<CostCenter>>("active-cost-centers");
        var config = new StreamConfig<StringSerDes, StringSerDes> { ApplicationId = "avro-serdes-test", SchemaRegistryUrl = url };

        using var driver = new TopologyTestDriver(builder.Build(), config);
        var input = driver.CreateInputTopic<string, CostCenter, StringSerDes, AvroSerDes<CostCenter>>(Topics.CostCenters.Name);
        var output = driver.CreateOutputTopic<string, CostCenter, StringSerDes, AvroSerDes<CostCenter>>("active-cost-centers");
        var active = SampleCostCenter();
        active.costCenterId = "CC-1000";
        active.status = CostCenterStatus.ACTIVE;
        input.PipeInput("CC-1042", SampleCostCenter());
        input.PipeInput("CC-1000", active);

        var records = output.ReadKeyValueList().ToList();
        Assert.Equal("CC-1000", Assert.Single(records).Message.Value.costCenterId);
    }

    [Fact]
    public void Serdes_without_a_registry_says_how_to_get_one()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            new AvroSerDes<CostCenter>().Serialize(SampleCostCenter(), new SerializationContext(MessageComponentType.Value, "t")));
        Assert.Contains("schema.registry.url", e.Message);
    }

    [Fact]
    public async Task With_auto_registration_off_internal_topics_still_register_their_subject_and_public_topics_do_not()
    {
        var registry = new InMemorySchemaRegistryClient();
        var serDes = new SerDesFactory(registry, autoRegisterSchemas: false).Avro<CostCenter>();
        const string changelog = "streamfinance-master-data-master-data.history-changelog";

        var internalBytes = serDes.Serialize(SampleCostCenter(), new SerializationContext(MessageComponentType.Value, changelog));
        var publicWrite = Record.Exception(() => serDes.Serialize(SampleCostCenter(), new SerializationContext(MessageComponentType.Value, Topics.CostCenters.Name)));

        Assert.Equal(0, internalBytes[0]);
        Assert.Contains($"{changelog}-value", await registry.GetAllSubjectsAsync());
        Assert.NotNull(publicWrite); // md.cost-centers-value was never registered: production registers it with topics apply
        Assert.DoesNotContain(Topics.CostCenters.ValueSubject, await registry.GetAllSubjectsAsync());
    }
}
