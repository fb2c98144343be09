using Confluent.SchemaRegistry;
using AvroSchema = Avro.Schema;

namespace StreamFinance.Embedded.SchemaRegistry.Internals;

/// <summary>
/// Applies a compatibility level to a candidate schema and earlier versions. BACKWARD: the new schema reads
/// the latest; FORWARD: the latest reads the new schema; FULL: both; the transitive levels check every version.
/// </summary>
internal static class CompatibilityEvaluator
{
    /// <summary>Problems that make <paramref name="candidate"/> incompatible; empty when it is compatible.</summary>
    /// <param name="level">The subject's compatibility level.</param>
    /// <param name="candidate">The schema being registered or tested.</param>
    /// <param name="previous">Earlier live versions, oldest first.</param>
    public static IReadOnlyList<string> Problems(Compatibility level, AvroSchema candidate, IReadOnlyList<SubjectVersion> previous)
    {
        if (level == Compatibility.None || previous.Count == 0)
        {
            return [];
        }

        var transitive = level is Compatibility.BackwardTransitive or Compatibility.ForwardTransitive or Compatibility.FullTransitive;
        var backward = level is Compatibility.Backward or Compatibility.BackwardTransitive or Compatibility.Full or Compatibility.FullTransitive;
        var forward = level is Compatibility.Forward or Compatibility.ForwardTransitive or Compatibility.Full or Compatibility.FullTransitive;
        var against = transitive ? previous.Reverse() : [previous[^1]];

        var problems = new List<string>();
        foreach (var old in against)
        {
            if (backward)
            {
                problems.AddRange(AvroCompatibility.CanRead(candidate, old.Schema.Parsed)
                    .Select(p => $"new schema cannot read data written with version {old.Version}: {p}"));
            }

            if (forward)
            {
                problems.AddRange(AvroCompatibility.CanRead(old.Schema.Parsed, candidate)
                    .Select(p => $"version {old.Version} cannot read data written with the new schema: {p}"));
            }
        }

        return problems;
    }
}
