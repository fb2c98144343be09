namespace StreamFinance.Contracts.Catalog;

/// <summary>
/// Who writes and who reads each catalog topic, derived from the components themselves (<see cref="TopicUser"/>: the
/// topologies' declared inputs, outputs and dead-letter topics, the connectors' profiles and generator, the commands),
/// never typed by hand. A topic that no topology or connector writes is <em>planned</em>: it is listed with
/// <see cref="TopicSpec.PlannedWriters"/>, and nothing creates it. Audiences outside StreamFinance are not derivable
/// and stay declared (<see cref="TopicSpec.Audiences"/>).
/// </summary>
public sealed class TopicUsage
{
    private TopicUsage(IReadOnlyList<TopicSpec> catalog, IReadOnlyList<TopicUser> users)
    {
        Catalog = catalog;
        Users = users;
    }

    /// <summary>The topics, in catalog order.</summary>
    public IReadOnlyList<TopicSpec> Catalog { get; }

    /// <summary>The components, in the order given.</summary>
    public IReadOnlyList<TopicUser> Users { get; }

    /// <summary>Catalog topics that something writes, in catalog order: the ones to create.</summary>
    public IReadOnlyList<TopicSpec> InUse => Catalog.Where(t => !IsPlanned(t)).ToList();

    /// <summary>The usage of <paramref name="catalog"/> by <paramref name="users"/>.</summary>
    /// <exception cref="ArgumentException">A component reads or writes a topic that is not in <paramref name="catalog"/>.</exception>
    public static TopicUsage Of(IReadOnlyList<TopicSpec> catalog, IEnumerable<TopicUser> users)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(users);
        var list = users.ToList();
        var names = catalog.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var stray = list.SelectMany(u => u.Reads.Concat(u.Writes).Where(t => !names.Contains(t.Name)).Select(t => $"{u.Name} uses '{t.Name}'")).ToList();
        if (stray.Count > 0)
            throw new ArgumentException($"Topics outside the catalog: {string.Join("; ", stray)}. Declare them in StreamFinance.Contracts.Catalog.Topics.", nameof(users));
        return new TopicUsage(catalog, list);
    }

    /// <summary>This usage with more components, for example the connectors a deployment configures.</summary>
    public TopicUsage With(IEnumerable<TopicUser> more) => Of(Catalog, Users.Concat(more));

    /// <summary>The components that write <paramref name="topic"/>.</summary>
    public IReadOnlyList<TopicUser> WritersOf(TopicSpec topic) => Users.Where(u => u.Writes.Any(t => t.Name == topic.Name)).ToList();

    /// <summary>The components that read <paramref name="topic"/>.</summary>
    public IReadOnlyList<TopicUser> ReadersOf(TopicSpec topic) => Users.Where(u => u.Reads.Any(t => t.Name == topic.Name)).ToList();

    /// <summary>True when no topology and no connector writes <paramref name="topic"/> (a command only writes back what it read).</summary>
    public bool IsPlanned(TopicSpec topic) => WritersOf(topic).All(u => u.Kind == TopicUserKind.Command);

    /// <summary>"Written by" as people read it: the writers, or <c>planned: ...</c> while nothing writes it.</summary>
    public string WrittenBy(TopicSpec topic) =>
        IsPlanned(topic) ? $"planned: {topic.PlannedWriters ?? "nothing writes it yet"}" : TopicUserNames.Of(WritersOf(topic));

    /// <summary>"Read by" as people read it: the readers, then <c>planned: ...</c> when declared, or <c>nothing yet</c>.</summary>
    public string ReadBy(TopicSpec topic)
    {
        var readers = TopicUserNames.Of(ReadersOf(topic));
        var planned = topic.PlannedReaders is { } p ? $"planned: {p}" : null;
        return (readers.Length, planned) switch
        {
            (0, null) => "nothing yet",
            (0, _) => planned,
            (_, null) => readers,
            _ => $"{readers}; {planned}",
        };
    }

    /// <summary>
    /// One sentence per topic whose declared plans disagree with what the components do: a topic nothing writes without
    /// <see cref="TopicSpec.PlannedWriters"/>, a written topic that still has them, a read topic that still has
    /// <see cref="TopicSpec.PlannedReaders"/>. Empty when they agree.
    /// </summary>
    public IReadOnlyList<string> Disagreements()
    {
        var sentences = new List<string>();
        foreach (var topic in Catalog)
        {
            if (IsPlanned(topic) && topic.PlannedWriters is null)
                sentences.Add($"`{topic.Name}`: nothing writes it; declare its PlannedWriters (what will write it and the issue that tracks it).");
            if (!IsPlanned(topic) && topic.PlannedWriters is { } writers)
                sentences.Add($"`{topic.Name}` is written by {TopicUserNames.Of(WritersOf(topic))} but still declares planned writers ({writers}); remove PlannedWriters.");
            if (ReadersOf(topic).Count > 0 && topic.PlannedReaders is { } readers)
                sentences.Add($"`{topic.Name}` is read by {TopicUserNames.Of(ReadersOf(topic))} but still declares planned readers ({readers}); remove PlannedReaders.");
        }

        return sentences;
    }
}
