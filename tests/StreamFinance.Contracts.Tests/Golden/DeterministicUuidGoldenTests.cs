namespace StreamFinance.Contracts.Tests.Golden;

/// <summary>
/// Event ids of outputs are derived by <see cref="DeterministicUuid"/>: a change to how they are derived would give a
/// re-derived output a new id after a deploy, and a consumer deduplicating on it would take it twice.
/// </summary>
public sealed class DeterministicUuidGoldenTests
{
    [Fact]
    public void It_computes_the_rfc_4122_version_5_uuid_of_the_dns_namespace_test_vector()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), DeterministicUuid.From(dns, "www.example.com"));
    }

    [Fact]
    public void The_id_of_a_name_in_the_streamfinance_namespace_is_pinned()
    {
        Assert.Equal(new Guid("18c573f9-8490-597f-be53-b5a13d2bbceb"), DeterministicUuid.From("journal:JE-US01-USD-20261126T1000Z-3F2A9C01"));
    }
}
