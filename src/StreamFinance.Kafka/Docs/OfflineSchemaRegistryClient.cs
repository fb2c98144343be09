using System.Reflection;
using Confluent.SchemaRegistry;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// The Schema Registry client topologies get while the docs are generated. Building a topology creates SerDes but
/// never calls the registry, so docs need no registry; any call fails and says which member a topology called.
/// </summary>
internal class OfflineSchemaRegistryClient : DispatchProxy
{
    /// <summary>A client that refuses every call.</summary>
    public static ISchemaRegistryClient Create() => Create<ISchemaRegistryClient, OfflineSchemaRegistryClient>();

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException(
            $"A topology called ISchemaRegistryClient.{targetMethod?.Name} while it was built for the docs, which use no Schema Registry. " +
            "Build() must only wire sources, processors and sinks; move registry calls into the SerDes, where they run on the first record.");
}
