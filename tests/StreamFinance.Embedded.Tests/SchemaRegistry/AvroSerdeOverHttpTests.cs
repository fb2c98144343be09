using System.Buffers.Binary;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>Confluent's Avro serdes, talking HTTP to the embedded registry through <see cref="CachedSchemaRegistryClient"/>.</summary>
public class AvroSerdeOverHttpTests : RegistryTest
{
    private const string Topic = "payments";
    private static readonly SerializationContext ValueContext = new(MessageComponentType.Value, Topic);

    private AvroSerializer<GenericRecord> Serializer(bool autoRegister = true, bool useLatest = false, SubjectNameStrategy? strategy = SubjectNameStrategy.Topic) =>
        new(Sr.Client, new AvroSerializerConfig
        {
            AutoRegisterSchemas = autoRegister,
            UseLatestVersion = useLatest,
            SubjectNameStrategy = strategy,
        });

    private AvroDeserializer<GenericRecord> Deserializer(bool useLatest = false) =>
        new(Sr.Client, new AvroDeserializerConfig { UseLatestVersion = useLatest, SubjectNameStrategy = SubjectNameStrategy.Topic });

    private static int SchemaIdOf(byte[] message)
    {
        Assert.Equal(0, message[0]);
        return BinaryPrimitives.ReadInt32BigEndian(message.AsSpan(1, 4));
    }

    [Fact]
    public async Task Auto_registering_serializer_registers_topic_value_subject_and_deserializer_reads_the_record_back()
    {
        var bytes = await Serializer().SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV1, "p-1", 1250, "PAID", "rent"), ValueContext);

        var latest = await Sr.Client.GetLatestSchemaAsync("payments-value");
        Assert.Equal(latest.Id, SchemaIdOf(bytes));
        Assert.Equal(1, latest.Version);

        var record = await Deserializer().DeserializeAsync(bytes, isNull: false, ValueContext);
        Assert.Equal("p-1", record["id"]);
        Assert.Equal(1250L, record["amount"]);
        Assert.Equal("PAID", ((GenericEnum)record["status"]).Value);
        Assert.Equal("rent", record["note"]);
    }

    [Fact]
    public async Task Serializer_without_auto_registration_uses_the_id_of_the_schema_already_registered()
    {
        await Sr.RegisterAsync("payments-value", TestSchemas.Unrelated);
        await Sr.Client.UpdateCompatibilityAsync(Compatibility.None, "payments-value");
        var id = await Sr.RegisterAsync("payments-value", TestSchemas.PaymentV1);

        var bytes = await Serializer(autoRegister: false).SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV1, "p-2", 10), ValueContext);

        Assert.Equal(id, SchemaIdOf(bytes));
        Assert.Equal([1, 2], await Sr.Client.GetSubjectVersionsAsync("payments-value"));
    }

    [Fact]
    public async Task Serializer_without_auto_registration_fails_with_40401_when_the_subject_is_unknown()
    {
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            Serializer(autoRegister: false).SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV1, "p-3", 10), ValueContext));

        Assert.Equal(SchemaRegistryErrorCodesForTests.SubjectNotFound, error.ErrorCode);
    }

    [Fact]
    public async Task Serializer_using_latest_version_writes_with_the_latest_schema_id()
    {
        await Sr.RegisterAsync("payments-value", TestSchemas.PaymentV1);
        var latestId = await Sr.RegisterAsync("payments-value", TestSchemas.PaymentV2WithOptionalCurrency);

        var bytes = await Serializer(autoRegister: false, useLatest: true)
            .SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV2WithOptionalCurrency, "p-4", 99), ValueContext);

        Assert.Equal(latestId, SchemaIdOf(bytes));
        Assert.Equal("USD", (await Deserializer().DeserializeAsync(bytes, false, ValueContext))["currency"]);
    }

    [Fact]
    public async Task Data_written_with_v1_is_read_with_v2_after_a_backward_compatible_evolution()
    {
        var written = await Serializer().SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV1, "p-5", 700, "CANCELLED"), ValueContext);
        await Sr.RegisterAsync("payments-value", TestSchemas.PaymentV2WithOptionalCurrency);

        var read = await Deserializer(useLatest: true).DeserializeAsync(written, false, ValueContext);

        Assert.Equal("p-5", read["id"]);
        Assert.Equal(700L, read["amount"]);
        Assert.Equal("CANCELLED", ((GenericEnum)read["status"]).Value);
        Assert.Equal("EUR", read["currency"]);
    }

    [Fact]
    public async Task Default_associated_subject_strategy_falls_back_to_topic_value_on_the_association_404()
    {
        await Serializer(strategy: null).SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV1, "p-6", 1), ValueContext);

        Assert.Equal(["payments-value"], await Sr.Client.GetAllSubjectsAsync());
    }

    [Fact]
    public async Task Serializer_auto_registering_an_incompatible_schema_fails_with_409()
    {
        await Sr.RegisterAsync("payments-value", TestSchemas.PaymentV1);

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            Serializer().SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV2WithRequiredCurrency, "p-7", 1), ValueContext));

        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("$.currency", error.Message);
    }
}
