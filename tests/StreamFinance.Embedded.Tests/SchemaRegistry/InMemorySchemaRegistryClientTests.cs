using System.Net;
using Avro.Generic;
using Confluent.Kafka;
using Confluent.SchemaRegistry;
using Confluent.SchemaRegistry.Serdes;
using StreamFinance.Embedded.SchemaRegistry;
using static StreamFinance.Embedded.Tests.SchemaRegistry.RunningRegistry;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>The HTTP-free client that topology tests use, alone and sharing a store with the HTTP registry.</summary>
public class InMemorySchemaRegistryClientTests
{
    private static readonly SerializationContext ValueContext = new(MessageComponentType.Value, "payments");

    [Fact]
    public async Task Avro_serdes_round_trip_through_the_in_memory_client_with_the_default_subject_strategy()
    {
        using var client = new InMemorySchemaRegistryClient();
        var serializer = new AvroSerializer<GenericRecord>(client);
        var deserializer = new AvroDeserializer<GenericRecord>(client);

        var bytes = await serializer.SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV1, "p-1", 5), ValueContext);
        var record = await deserializer.DeserializeAsync(bytes, false, ValueContext);

        Assert.Equal("p-1", record["id"]);
        Assert.Equal(["payments-value"], await client.GetAllSubjectsAsync());
    }

    [Fact]
    public async Task Serializer_without_auto_registration_fails_with_confluents_exception_and_40401()
    {
        using var client = new InMemorySchemaRegistryClient();
        var serializer = new AvroSerializer<GenericRecord>(client, new AvroSerializerConfig { AutoRegisterSchemas = false, SubjectNameStrategy = SubjectNameStrategy.Topic });

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            serializer.SerializeAsync(PaymentRecords.Create(TestSchemas.PaymentV1, "p-2", 5), ValueContext));

        Assert.Equal((HttpStatusCode.NotFound, SchemaRegistryErrorCodesForTests.SubjectNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Incompatible_registration_fails_with_409_listing_the_problem()
    {
        using var client = new InMemorySchemaRegistryClient();
        await client.RegisterSchemaAsync("s", AvroSchema(TestSchemas.PaymentV1));

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => client.RegisterSchemaAsync("s", AvroSchema(TestSchemas.PaymentV2WithRequiredCurrency)));

        Assert.Equal((HttpStatusCode.Conflict, 409), (error.Status, error.ErrorCode));
        Assert.Contains("$.currency", error.Message);
    }

    [Fact]
    public async Task Client_sharing_the_embedded_registry_store_sees_schemas_registered_over_http()
    {
        await using var running = await RunningRegistry.StartAsync();
        var id = await running.RegisterAsync("pay-value", TestSchemas.PaymentV1);
        using var client = new InMemorySchemaRegistryClient(running.Registry.Store);

        var latest = await client.GetLatestSchemaAsync("pay-value");
        var viaHttp = await running.Client.RegisterSchemaAsync("other-value", AvroSchema(TestSchemas.Unrelated));

        Assert.Equal((id, 1), (latest.Id, latest.Version));
        Assert.Equal(TestSchemas.Unrelated, (await client.GetSchemaBySubjectAndIdAsync("other-value", viaHttp)).SchemaString);
    }

    [Fact]
    public async Task Config_and_compatibility_members_follow_the_store()
    {
        using var client = new InMemorySchemaRegistryClient();
        await client.RegisterSchemaAsync("s", AvroSchema(TestSchemas.PaymentV1));

        Assert.Equal(Compatibility.Backward, await client.GetCompatibilityAsync());
        Assert.False(await client.IsCompatibleAsync("s", AvroSchema(TestSchemas.PaymentV2WithRequiredCurrency)));
        await client.UpdateCompatibilityAsync(Compatibility.None, "s");
        Assert.True(await client.IsCompatibleAsync("s", AvroSchema(TestSchemas.PaymentV2WithRequiredCurrency)));
        Assert.Equal(Compatibility.None, await client.GetCompatibilityAsync("s"));
    }

    [Fact]
    public async Task Members_the_serdes_do_not_need_say_what_is_unsupported()
    {
        using var client = new InMemorySchemaRegistryClient();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() =>
            client.GetLatestWithMetadataAsync("s", new Dictionary<string, string>(), true));

        Assert.Contains("UseLatestVersion", error.Message);
        Assert.Empty(await client.GetAssociationsByResourceNameAsync("payments", "-", "topic", ["value"], null!, 0, -1));
    }

    [Fact]
    public async Task Concurrent_registrations_of_one_schema_produce_one_id_and_one_version()
    {
        var store = new SchemaRegistryStore();
        using var client = new InMemorySchemaRegistryClient(store);

        var ids = await Task.WhenAll(Enumerable.Range(0, 32).Select(i =>
            Task.Run(() => client.RegisterSchemaAsync($"s{i % 4}", AvroSchema(TestSchemas.PaymentV1)), TestContext.Current.CancellationToken)));

        Assert.Single(ids.Distinct());
        Assert.All(store.GetSubjects(), subject => Assert.Equal([1], store.GetVersions(subject)));
    }
}
