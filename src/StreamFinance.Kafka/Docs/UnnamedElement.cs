namespace StreamFinance.Kafka.Docs;

/// <summary>A processor, source, sink or store whose name Streamiz generated because the topology gave none.</summary>
/// <param name="GeneratedName">The generated name, for example <c>KSTREAM-FILTER-0000000003</c>.</param>
/// <param name="ShownAs">Its label in the diagram, for example <c>filter #3</c>.</param>
/// <param name="Where">What and where it is, for example <c>processor in sub-topology 1</c>.</param>
internal sealed record UnnamedElement(string GeneratedName, string ShownAs, string Where);
