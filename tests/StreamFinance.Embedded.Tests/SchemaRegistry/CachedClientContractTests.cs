using System.Net;
using Confluent.SchemaRegistry;
using static StreamFinance.Embedded.Tests.SchemaRegistry.RunningRegistry;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>Confluent's real <see cref="CachedSchemaRegistryClient"/> against the embedded registry.</summary>
public class CachedClientContractTests : RegistryTest
{
    [Fact]
    public async Task Registering_the_same_schema_again_returns_the_existing_id_and_version()
    {
        var first = await Sr.Client.RegisterSchemaWithResponseAsync("a-value", AvroSchema(TestSchemas.PaymentV1));
        using var freshClient = new CachedSchemaRegistryClient(new SchemaRegistryConfig { Url = Sr.Registry.Url });

        var second = await freshClient.RegisterSchemaAsync("a-value", AvroSchema(TestSchemas.PaymentV1));

        Assert.Equal(first.Id, second);
        Assert.Equal([1], await freshClient.GetSubjectVersionsAsync("a-value"));
    }

    [Fact]
    public async Task Schema_ids_are_global_and_shared_by_subjects_registering_the_same_schema()
    {
        var inA = await Sr.RegisterAsync("a-value", TestSchemas.PaymentV1);
        var inB = await Sr.RegisterAsync("b-value", TestSchemas.PaymentV1);
        var other = await Sr.RegisterAsync("c-value", TestSchemas.Unrelated);

        Assert.Equal(inA, inB);
        Assert.NotEqual(inA, other);
        Assert.Equal(["a-value", "b-value", "c-value"], await Sr.Client.GetAllSubjectsAsync());
    }

    [Fact]
    public async Task Versions_latest_and_lookup_describe_the_registered_schemas()
    {
        var v1 = await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);
        var v2 = await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV2WithOptionalCurrency);

        var latest = await Sr.Client.GetLatestSchemaAsync("pay-value");
        var first = await Sr.Client.GetRegisteredSchemaAsync("pay-value", 1);
        var lookedUp = await Sr.Client.LookupSchemaAsync("pay-value", AvroSchema(TestSchemas.PaymentV1), ignoreDeletedSchemas: true);

        Assert.Equal((2, v2, "pay-value"), (latest.Version, latest.Id, latest.Subject));
        Assert.Equal((1, v1), (first.Version, first.Id));
        Assert.Equal(TestSchemas.PaymentV1, first.SchemaString);
        Assert.Equal((1, v1), (lookedUp.Version, lookedUp.Id));
        Assert.Equal(TestSchemas.PaymentV2WithOptionalCurrency, (await Sr.Client.GetSchemaAsync(v2)).SchemaString);
        Assert.Equal(v1, await Sr.Client.GetSchemaIdAsync("pay-value", AvroSchema(TestSchemas.PaymentV1)));
    }

    [Fact]
    public async Task Is_compatible_reflects_the_subject_level()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);

        Assert.True(await Sr.Client.IsCompatibleAsync("pay-value", AvroSchema(TestSchemas.PaymentV2WithOptionalCurrency)));
        Assert.False(await Sr.Client.IsCompatibleAsync("pay-value", AvroSchema(TestSchemas.PaymentV2WithRequiredCurrency)));
        Assert.True(await Sr.Client.IsCompatibleAsync("new-subject-value", AvroSchema(TestSchemas.PaymentV2WithRequiredCurrency)));
    }

    [Fact]
    public async Task Compatibility_levels_are_read_and_updated_globally_and_per_subject()
    {
        Assert.Equal(Compatibility.Backward, await Sr.Client.GetCompatibilityAsync());

        Assert.Equal(Compatibility.FullTransitive, await Sr.Client.UpdateCompatibilityAsync(Compatibility.FullTransitive, "pay-value"));
        Assert.Equal(Compatibility.Forward, await Sr.Client.UpdateCompatibilityAsync(Compatibility.Forward));

        Assert.Equal(Compatibility.FullTransitive, await Sr.Client.GetCompatibilityAsync("pay-value"));
        Assert.Equal(Compatibility.Forward, await Sr.Client.GetCompatibilityAsync());
    }

    [Fact]
    public async Task Unknown_subject_fails_with_404_40401()
    {
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => Sr.Client.GetLatestSchemaAsync("nobody-value"));

        Assert.Equal((HttpStatusCode.NotFound, SchemaRegistryErrorCodesForTests.SubjectNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Unknown_schema_id_fails_with_404_40403()
    {
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => Sr.Client.GetSchemaAsync(4242));

        Assert.Equal((HttpStatusCode.NotFound, SchemaRegistryErrorCodesForTests.SchemaNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Unknown_version_fails_with_404_40402()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => Sr.Client.GetRegisteredSchemaAsync("pay-value", 7));

        Assert.Equal((HttpStatusCode.NotFound, SchemaRegistryErrorCodesForTests.VersionNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Looking_up_a_schema_never_registered_under_the_subject_fails_with_404_40403()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);

        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            Sr.Client.LookupSchemaAsync("pay-value", AvroSchema(TestSchemas.Unrelated), ignoreDeletedSchemas: true));

        Assert.Equal((HttpStatusCode.NotFound, SchemaRegistryErrorCodesForTests.SchemaNotFound), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Invalid_schema_fails_with_422_42201()
    {
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            Sr.RegisterAsync("pay-value", """{"type":"record","name":"Broken","fields":[{"name":"x","type":"nosuchtype"}]}"""));

        Assert.Equal((HttpStatusCode.UnprocessableEntity, SchemaRegistryErrorCodesForTests.InvalidSchema), (error.Status, error.ErrorCode));
    }

    [Fact]
    public async Task Non_avro_schema_type_fails_with_422_42201_naming_avro()
    {
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() =>
            Sr.Client.RegisterSchemaAsync("pay-value", new Schema("""{"type":"object"}""", SchemaType.Json)));

        Assert.Equal(SchemaRegistryErrorCodesForTests.InvalidSchema, error.ErrorCode);
        Assert.Contains("only AVRO", error.Message);
    }
}
