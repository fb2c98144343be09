namespace StreamFinance.Host.Tests.Api.Support;

/// <summary>The API test classes share one <see cref="ValidationApiStack"/> (one broker, one restored store).</summary>
[CollectionDefinition(Name)]
public sealed class ValidationApiCollection : ICollectionFixture<ValidationApiStack>
{
    public const string Name = "validation API on the embedded stack";
}
