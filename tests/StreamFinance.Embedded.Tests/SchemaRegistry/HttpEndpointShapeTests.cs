using System.Text.Json.Nodes;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>The exact request and reply shapes of the REST API, driven with a raw <see cref="HttpClient"/>.</summary>
public class HttpEndpointShapeTests : RegistryTest
{
    private static object Body(string schema) => new { schema, references = Array.Empty<object>(), schemaType = "AVRO", metadata = (object?)null, ruleSet = (object?)null };

    private static void AssertError(int expectedStatus, int expectedCode, (int Status, JsonNode? Body, string? ContentType) reply)
    {
        Assert.Equal(expectedStatus, reply.Status);
        Assert.Equal(RunningRegistry.ContentType, reply.ContentType);
        var body = Assert.IsType<JsonObject>(reply.Body);
        Assert.Equal(["error_code", "message"], body.Select(p => p.Key));
        Assert.Equal(expectedCode, (int)body["error_code"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["message"]));
    }

    [Fact]
    public async Task Register_replies_with_only_the_id_in_the_registry_content_type()
    {
        var reply = await Sr.SendAsync(HttpMethod.Post, "/subjects/pay-value/versions?normalize=False", Body(TestSchemas.PaymentV1));

        Assert.Equal((200, RunningRegistry.ContentType), (reply.Status, reply.ContentType));
        Assert.Equal("""{"id":1}""", reply.Body!.ToJsonString());
    }

    [Fact]
    public async Task Lookup_replies_with_subject_id_version_and_schema()
    {
        await Sr.SendAsync(HttpMethod.Post, "/subjects/pay-value/versions", Body(TestSchemas.PaymentV1));

        var reply = await Sr.SendAsync(HttpMethod.Post, "/subjects/pay-value?normalize=False&deleted=False", Body(TestSchemas.PaymentV1));

        Assert.Equal(200, reply.Status);
        Assert.Equal("pay-value", (string?)reply.Body!["subject"]);
        Assert.Equal(1, (int)reply.Body["id"]!);
        Assert.Equal(1, (int)reply.Body["version"]!);
        Assert.Equal(TestSchemas.PaymentV1, (string?)reply.Body["schema"]);
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("2")]
    [InlineData("-1")]
    public async Task Version_by_number_or_latest_replies_with_the_subject_version(string version)
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV2WithOptionalCurrency);

        var reply = await Sr.SendAsync(HttpMethod.Get, $"/subjects/pay-value/versions/{version}");

        Assert.Equal(2, (int)reply.Body!["version"]!);
        Assert.Equal(2, (int)reply.Body["id"]!);
        Assert.Equal(TestSchemas.PaymentV2WithOptionalCurrency, (string?)reply.Body["schema"]);
    }

    [Fact]
    public async Task Listing_subjects_and_versions_replies_with_json_arrays()
    {
        await Sr.RegisterAsync("b-value", TestSchemas.PaymentV1);
        await Sr.RegisterAsync("a-value", TestSchemas.PaymentV1);
        await Sr.RegisterAsync("a-value", TestSchemas.PaymentV2WithOptionalCurrency);

        Assert.Equal("""["a-value","b-value"]""", (await Sr.SendAsync(HttpMethod.Get, "/subjects")).Body!.ToJsonString());
        Assert.Equal("[1,2]", (await Sr.SendAsync(HttpMethod.Get, "/subjects/a-value/versions")).Body!.ToJsonString());
    }

    [Fact]
    public async Task Schema_by_id_replies_with_the_schema_text_and_lists_where_it_is_used()
    {
        var id = await Sr.RegisterAsync("a-value", TestSchemas.PaymentV1);
        await Sr.RegisterAsync("b-value", TestSchemas.PaymentV1);

        var schema = await Sr.SendAsync(HttpMethod.Get, $"/schemas/ids/{id}?subject=a-value");
        var versions = await Sr.SendAsync(HttpMethod.Get, $"/schemas/ids/{id}/versions");

        Assert.Equal(TestSchemas.PaymentV1, (string?)schema.Body!["schema"]);
        Assert.Equal("""[{"subject":"a-value","version":1},{"subject":"b-value","version":1}]""", versions.Body!.ToJsonString());
    }

    [Fact]
    public async Task Compatibility_check_replies_is_compatible_and_lists_messages_when_verbose()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);

        var ok = await Sr.SendAsync(HttpMethod.Post, "/compatibility/subjects/pay-value/versions/latest", Body(TestSchemas.PaymentV2WithOptionalCurrency));
        var bad = await Sr.SendAsync(HttpMethod.Post, "/compatibility/subjects/pay-value/versions/1?verbose=True", Body(TestSchemas.PaymentV2WithRequiredCurrency));

        Assert.Equal("""{"is_compatible":true}""", ok.Body!.ToJsonString());
        Assert.False((bool)bad.Body!["is_compatible"]!);
        Assert.Contains("$.currency", (string?)bad.Body["messages"]![0]);
    }

    [Fact]
    public async Task Config_replies_carry_both_compatibility_and_compatibility_level()
    {
        var global = await Sr.SendAsync(HttpMethod.Get, "/config");
        var put = await Sr.SendAsync(HttpMethod.Put, "/config/pay-value", new { compatibility = "FULL_TRANSITIVE" });
        var subject = await Sr.SendAsync(HttpMethod.Get, "/config/pay-value");

        Assert.Equal("""{"compatibility":"BACKWARD","compatibilityLevel":"BACKWARD"}""", global.Body!.ToJsonString());
        Assert.Equal("""{"compatibility":"FULL_TRANSITIVE","compatibilityLevel":"FULL_TRANSITIVE"}""", put.Body!.ToJsonString());
        Assert.Equal("FULL_TRANSITIVE", (string?)subject.Body!["compatibilityLevel"]);
    }

    [Fact]
    public async Task Subject_without_its_own_level_answers_40408_unless_default_to_global()
    {
        AssertError(404, SchemaRegistryErrorCodesForTests.SubjectLevelCompatibilityNotConfigured, await Sr.SendAsync(HttpMethod.Get, "/config/pay-value"));

        var fallback = await Sr.SendAsync(HttpMethod.Get, "/config/pay-value?defaultToGlobal=True");

        Assert.Equal("BACKWARD", (string?)fallback.Body!["compatibilityLevel"]);
    }

    [Fact]
    public async Task Unknown_compatibility_level_is_rejected_with_422_42203() =>
        AssertError(422, SchemaRegistryErrorCodesForTests.InvalidCompatibilityLevel,
            await Sr.SendAsync(HttpMethod.Put, "/config", new { compatibility = "SIDEWAYS" }));

    [Fact]
    public async Task Associations_answer_404_with_an_error_body() =>
        AssertError(404, 404, await Sr.SendAsync(HttpMethod.Get, "/associations/resources/-/payments?resourceType=topic&associationType=value&limit=-1"));

    [Fact]
    public async Task Unknown_subject_version_and_id_answer_404_with_confluent_codes()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);

        AssertError(404, SchemaRegistryErrorCodesForTests.SubjectNotFound, await Sr.SendAsync(HttpMethod.Get, "/subjects/nobody/versions/latest"));
        AssertError(404, SchemaRegistryErrorCodesForTests.VersionNotFound, await Sr.SendAsync(HttpMethod.Get, "/subjects/pay-value/versions/9"));
        AssertError(404, SchemaRegistryErrorCodesForTests.SchemaNotFound, await Sr.SendAsync(HttpMethod.Get, "/schemas/ids/77"));
    }

    [Fact]
    public async Task Malformed_version_answers_422_42202() =>
        AssertError(422, SchemaRegistryErrorCodesForTests.InvalidVersion, await Sr.SendAsync(HttpMethod.Get, "/subjects/pay-value/versions/first"));

    [Fact]
    public async Task Unparseable_schema_and_non_avro_type_answer_422_42201()
    {
        AssertError(422, SchemaRegistryErrorCodesForTests.InvalidSchema,
            await Sr.SendAsync(HttpMethod.Post, "/subjects/pay-value/versions", new { schema = "{\"type\":\"record\"" }));
        AssertError(422, SchemaRegistryErrorCodesForTests.InvalidSchema,
            await Sr.SendAsync(HttpMethod.Post, "/subjects/pay-value/versions", new { schema = "syntax = \"proto3\";", schemaType = "PROTOBUF" }));
    }

    [Fact]
    public async Task Incompatible_registration_answers_409_with_the_confluent_error_body()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);

        var reply = await Sr.SendAsync(HttpMethod.Post, "/subjects/pay-value/versions", Body(TestSchemas.PaymentV2WithoutCancelled));

        AssertError(409, 409, reply);
        Assert.StartsWith("Schema being registered is incompatible with an earlier schema for subject \"pay-value\"", (string?)reply.Body!["message"]);
    }

    [Fact]
    public async Task Soft_deleted_subject_disappears_unless_deleted_is_requested()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);

        var deleted = await Sr.SendAsync(HttpMethod.Delete, "/subjects/pay-value");

        Assert.Equal("[1]", deleted.Body!.ToJsonString());
        Assert.Equal("[]", (await Sr.SendAsync(HttpMethod.Get, "/subjects")).Body!.ToJsonString());
        Assert.Equal("""["pay-value"]""", (await Sr.SendAsync(HttpMethod.Get, "/subjects?deleted=True")).Body!.ToJsonString());
        AssertError(404, SchemaRegistryErrorCodesForTests.SubjectNotFound, await Sr.SendAsync(HttpMethod.Get, "/subjects/pay-value/versions/latest"));
        Assert.Equal(1, (int)(await Sr.SendAsync(HttpMethod.Get, "/subjects/pay-value/versions/1?deleted=true")).Body!["version"]!);
    }

    [Fact]
    public async Task Registering_after_a_soft_delete_continues_the_version_numbers()
    {
        await Sr.RegisterAsync("pay-value", TestSchemas.PaymentV1);
        await Sr.SendAsync(HttpMethod.Delete, "/subjects/pay-value");

        await Sr.SendAsync(HttpMethod.Post, "/subjects/pay-value/versions", Body(TestSchemas.Unrelated));

        Assert.Equal("[2]", (await Sr.SendAsync(HttpMethod.Get, "/subjects/pay-value/versions")).Body!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_path_answers_404_with_an_error_body() =>
        AssertError(404, 404, await Sr.SendAsync(HttpMethod.Get, "/contexts/nothing-here"));

    [Fact]
    public async Task Registry_listens_on_loopback_with_an_ephemeral_port()
    {
        var url = new Uri(Sr.Registry.Url);

        Assert.Equal("127.0.0.1", url.Host);
        Assert.NotEqual(0, url.Port);
    }
}
