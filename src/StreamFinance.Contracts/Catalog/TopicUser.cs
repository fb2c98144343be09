namespace StreamFinance.Contracts.Catalog;

/// <summary>One component that reads or writes catalog topics, as its own code says: a topology, a connector, a command.</summary>
/// <param name="Kind">What kind of component it is.</param>
/// <param name="Name">Its name as people read it, for example "expense topology", "concur-expense-entries", "dlq replay".</param>
/// <param name="Reads">Catalog topics it reads.</param>
/// <param name="Writes">Catalog topics it writes.</param>
public sealed record TopicUser(TopicUserKind Kind, string Name, IReadOnlyList<TopicSpec> Reads, IReadOnlyList<TopicSpec> Writes);
