using StreamFinance.Contracts.Catalog;
using StreamFinance.Kafka.Configuration;
using StreamFinance.Kafka.SerDes;
using Streamiz.Kafka.Net;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Compares what a topology declares (<see cref="IStreamTopology.Inputs"/>, <see cref="IStreamTopology.Outputs"/>)
/// with what its built form reads and writes, since tools such as provisioning, the topic usage and the docs index
/// trust the declaration.
/// </summary>
public static class DeclaredTopics
{
    /// <summary>
    /// Builds <paramref name="topology"/> (offline: no Kafka, no Schema Registry) and returns one sentence per
    /// disagreement between its declaration and the topics its sources and sinks use; empty when they agree.
    /// </summary>
    public static IReadOnlyList<string> Check(IStreamTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var builder = new StreamBuilder();
        topology.Build(builder, new TopologyContext(new SerDesFactory(OfflineSchemaRegistryClient.Create())));
        return TopologyDescriber.Describe(topology, builder.Build(), new StreamsOptions().ApplicationIdFor(topology.Name)).DeclarationMismatches;
    }

    /// <summary>One sentence per disagreement, in topic-name order; empty when they agree.</summary>
    /// <param name="topology">The topology and its declaration.</param>
    /// <param name="reads">Catalog topics its sources read.</param>
    /// <param name="writes">Catalog topics its sinks write.</param>
    /// <param name="hasDynamicOutputs">A sink chooses its topic per record, so a declared output that no fixed sink writes is not reported.</param>
    internal static IReadOnlyList<string> Mismatches(IStreamTopology topology, IReadOnlyList<TopicSpec> reads, IReadOnlyList<TopicSpec> writes, bool hasDynamicOutputs)
    {
        var mismatches = new List<string>();
        mismatches.AddRange(Missing(reads, topology.Inputs).Select(t => $"Reads `{t}` but does not declare it in `Inputs`."));
        mismatches.AddRange(Missing(topology.Inputs, reads).Select(t => $"Declares `{t}` in `Inputs` but does not read it."));
        mismatches.AddRange(Missing(writes, topology.Outputs).Select(t => $"Writes `{t}` but does not declare it in `Outputs`."));
        if (!hasDynamicOutputs)
        {
            mismatches.AddRange(Missing(topology.Outputs, writes).Select(t => $"Declares `{t}` in `Outputs` but does not write it."));
        }

        return mismatches;
    }

    private static IEnumerable<string> Missing(IEnumerable<TopicSpec> these, IEnumerable<TopicSpec> from) =>
        these.Select(t => t.Name).Except(from.Select(t => t.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal);
}
