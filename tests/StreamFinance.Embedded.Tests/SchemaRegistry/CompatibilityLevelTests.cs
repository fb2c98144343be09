using System.Net;
using Confluent.SchemaRegistry;
using static StreamFinance.Embedded.Tests.SchemaRegistry.RunningRegistry;

namespace StreamFinance.Embedded.Tests.SchemaRegistry;

/// <summary>What each compatibility level accepts and rejects when registering through HTTP.</summary>
public class CompatibilityLevelTests : RegistryTest
{
    private const string Subject = "payments-value";

    private async Task<SchemaRegistryException> RejectedAsync(string schema)
    {
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => Sr.RegisterAsync(Subject, schema));
        Assert.Equal((HttpStatusCode.Conflict, SchemaRegistryErrorCodesForTests.Incompatible), (error.Status, error.ErrorCode));
        return error;
    }

    private async Task StartWithV1Async(Compatibility? level = null)
    {
        if (level is not null)
        {
            await Sr.Client.UpdateCompatibilityAsync(level.Value, Subject);
        }

        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV1);
    }

    [Fact]
    public async Task Backward_is_the_default_and_accepts_a_new_optional_field_with_default()
    {
        await StartWithV1Async();

        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV2WithOptionalCurrency);

        Assert.Equal([1, 2], await Sr.Client.GetSubjectVersionsAsync(Subject));
    }

    [Fact]
    public async Task Backward_rejects_a_new_required_field_without_default()
    {
        await StartWithV1Async();

        var error = await RejectedAsync(TestSchemas.PaymentV2WithRequiredCurrency);

        Assert.Contains("$.currency", error.Message);
        Assert.Contains("BACKWARD", error.Message);
    }

    [Fact]
    public async Task Backward_rejects_removing_an_enum_symbol()
    {
        await StartWithV1Async();

        Assert.Contains("'CANCELLED'", (await RejectedAsync(TestSchemas.PaymentV2WithoutCancelled)).Message);
    }

    [Fact]
    public async Task Backward_rejects_changing_a_union_branch()
    {
        await StartWithV1Async();

        Assert.Contains("$.note", (await RejectedAsync(TestSchemas.PaymentV2WithIntNote)).Message);
    }

    [Fact]
    public async Task Forward_accepts_a_new_required_field_and_rejects_removing_a_required_field()
    {
        await StartWithV1Async(Compatibility.Forward);

        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV2WithRequiredCurrency);
        var error = await RejectedAsync(TestSchemas.PaymentV2WithoutAmount);

        Assert.Contains("$.amount", error.Message);
    }

    [Fact]
    public async Task Full_accepts_an_optional_field_and_rejects_changes_either_direction_cannot_read()
    {
        await StartWithV1Async(Compatibility.Full);

        await RejectedAsync(TestSchemas.PaymentV2WithRequiredCurrency);
        await RejectedAsync(TestSchemas.PaymentV2WithoutAmount);
        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV2WithOptionalCurrency);
    }

    [Fact]
    public async Task None_accepts_any_change()
    {
        await StartWithV1Async(Compatibility.None);

        await Sr.RegisterAsync(Subject, TestSchemas.Unrelated);

        Assert.Equal(2, (await Sr.Client.GetLatestSchemaAsync(Subject)).Version);
    }

    [Fact]
    public async Task Backward_checks_only_the_latest_version_but_backward_transitive_checks_all()
    {
        await StartWithV1Async();
        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV2WithOptionalCurrency);
        await Sr.RegisterAsync("other-value", TestSchemas.PaymentV1);
        await Sr.Client.UpdateCompatibilityAsync(Compatibility.BackwardTransitive, "other-value");
        await Sr.RegisterAsync("other-value", TestSchemas.PaymentV2WithOptionalCurrency);

        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV2WithRequiredCurrency);
        var error = await Assert.ThrowsAsync<SchemaRegistryException>(() => Sr.RegisterAsync("other-value", TestSchemas.PaymentV2WithRequiredCurrency));

        Assert.Equal(409, error.ErrorCode);
        Assert.Contains("version 1", error.Message);
    }

    [Fact]
    public async Task Global_level_applies_to_subjects_without_their_own_level()
    {
        await Sr.Client.UpdateCompatibilityAsync(Compatibility.None);
        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV1);

        await Sr.RegisterAsync(Subject, TestSchemas.PaymentV2WithRequiredCurrency);

        Assert.Equal([1, 2], await Sr.Client.GetSubjectVersionsAsync(Subject));
    }
}
