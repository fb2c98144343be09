using System.Text;
using System.Text.RegularExpressions;

namespace StreamFinance.Kafka.Docs;

/// <summary>
/// Draws a described topology as a Mermaid <c>flowchart</c>: one subgraph per sub-topology and one for the global
/// tables; sources and sinks as topic shapes labelled with their topic, processors as boxes labelled with their
/// name (or <c>filter #3</c> for a generated one), stores as cylinders; elements the topology should name are
/// styled as warnings. Dotted links join processors to their
/// stores, and a sink to every source that reads the topic it writes (repartition topics between sub-topologies).
/// </summary>
internal sealed partial class MermaidFlowchart
{
    private readonly StringBuilder text = new();
    private readonly Dictionary<string, string> nodeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> storeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> classes = new(StringComparer.Ordinal);
    private readonly HashSet<string> unnamed;

    private MermaidFlowchart(DescribedTopology topology)
    {
        unnamed = topology.Unnamed.Select(u => u.GeneratedName).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The flowchart's Mermaid source, without the surrounding code fence; lines end with <c>\n</c>.</summary>
    public static string Render(DescribedTopology topology)
    {
        var chart = new MermaidFlowchart(topology);
        chart.Draw(topology);
        return chart.text.ToString();
    }

    private void Draw(DescribedTopology topology)
    {
        Line("flowchart TB");
        foreach (var sub in topology.SubTopologies)
        {
            Line($"    subgraph sub{sub.Id}[\"Sub-topology {sub.Id}\"]");
            foreach (var node in sub.Nodes)
            {
                DeclareNode(node);
            }

            foreach (var store in sub.Nodes.SelectMany(n => n.Stores).Distinct(StringComparer.Ordinal))
            {
                DeclareStore(store);
            }

            Line("    end");
        }

        if (topology.GlobalTables.Count > 0)
        {
            Line("    subgraph globals[\"Global tables\"]");
            foreach (var global in topology.GlobalTables)
            {
                DeclareNode(global.Source);
                DeclareNode(global.Processor);
                DeclareStore(global.Store);
            }

            Line("    end");
        }

        var allNodes = topology.SubTopologies.SelectMany(s => s.Nodes)
            .Concat(topology.GlobalTables.SelectMany(g => new[] { g.Source, g.Processor }))
            .ToList();
        foreach (var node in allNodes)
        {
            node.Next.ToList().ForEach(next => Line($"    {nodeIds[node.Name]} --> {nodeIds[next]}"));
            node.Stores.ToList().ForEach(store => Line($"    {nodeIds[node.Name]} -.- {storeIds[store]}"));
        }

        foreach (var sink in allNodes.Where(n => n.Kind == NodeKind.Sink && !n.HasDynamicTopic))
        {
            var topic = sink.Topics[0];
            var link = topology.IsRepartition(topic) ? "-. repartition .->" : "-.->";
            foreach (var source in allNodes.Where(n => n.Kind == NodeKind.Source && n.Topics.Contains(topic)))
            {
                Line($"    {nodeIds[sink.Name]} {link} {nodeIds[source.Name]}");
            }
        }

        Line("    classDef topic fill:#fff4dd,stroke:#b7791f;");
        Line("    classDef processor fill:#ebf4ff,stroke:#2b6cb0;");
        Line("    classDef store fill:#e6fffa,stroke:#2c7a7b;");
        Line("    classDef unnamed fill:#fff5f5,stroke:#c53030,stroke-dasharray:4 3;");
        foreach (var (name, ids) in classes.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            Line($"    class {string.Join(',', ids)} {name};");
        }
    }

    private void DeclareNode(TopologyNode node)
    {
        var id = $"n{nodeIds.Count}";
        nodeIds[node.Name] = id;
        switch (node.Kind)
        {
            case NodeKind.Processor:
                Line($"        {id}[\"{Escape(GeneratedNames.Readable(node.Name))}\"]");
                Classify(id, unnamed.Contains(node.Name) ? "unnamed" : "processor");
                break;
            default:
                var topic = node.HasDynamicTopic ? "topic chosen per record" : string.Join(", ", node.Topics);
                var label = node.IsUnnamed ? Escape(topic) : $"{Escape(topic)}<br/>{Escape(node.Name)}";
                Line($"        {id}([\"{label}\"])");
                Classify(id, "topic");
                break;
        }
    }

    private void DeclareStore(string store)
    {
        var id = $"s{storeIds.Count}";
        storeIds[store] = id;
        Line($"        {id}[(\"{Escape(GeneratedNames.Readable(store))}\")]");
        Classify(id, unnamed.Contains(store) ? "unnamed" : "store");
    }

    private void Classify(string id, string className)
    {
        if (!classes.TryGetValue(className, out var ids))
        {
            classes[className] = ids = [];
        }

        ids.Add(id);
    }

    private void Line(string line) => text.Append(line).Append('\n');

    // Mermaid labels are quoted; quotes, angle brackets and anything that reads as an entity code (#name;) become
    // entity codes, so no name can break the chart. A plain '#', as in "filter #3", stays as it is.
    private static string Escape(string label) =>
        EntityLike().Replace(label, "#35;")
            .Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal)
            .Replace(">", "#gt;", StringComparison.Ordinal);

    [GeneratedRegex(@"#(?=\w+;)", RegexOptions.CultureInvariant)]
    private static partial Regex EntityLike();
}
