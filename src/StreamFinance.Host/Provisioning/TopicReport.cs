namespace StreamFinance.Host.Provisioning;

/// <summary>Prints the outcome of a topic provisioning run, one line per topic that needs attention.</summary>
public static class TopicReport
{
    /// <summary>Which topics get a line of their own; every report ends with the counts.</summary>
    public enum Detail
    {
        /// <summary>Only mismatches and failures.</summary>
        Problems,

        /// <summary>Created topics too.</summary>
        Changes,

        /// <summary>Every topic.</summary>
        All,
    }

    /// <summary>Writes the report.</summary>
    public static void Write(TextWriter output, string target, IReadOnlyList<ProvisionOutcome> outcomes, Detail detail)
    {
        var width = outcomes.Select(o => o.Topic.Name.Length).DefaultIfEmpty(10).Max();
        bool Shown(ProvisionOutcome o) => detail switch
        {
            Detail.All => true,
            Detail.Changes => o.Action != ProvisionAction.Unchanged,
            _ => o.Action is ProvisionAction.Mismatch or ProvisionAction.Failed,
        };
        foreach (var o in outcomes.Where(Shown))
            output.WriteLine($"  {o.Action.ToString().ToLowerInvariant(),-9} {o.Topic.Name.PadRight(width)}  {o.Detail}".TrimEnd());
        var counts = Enum.GetValues<ProvisionAction>()
            .Select(a => (a, n: outcomes.Count(o => o.Action == a)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.n} {x.a.ToString().ToLowerInvariant()}");
        output.WriteLine($"Topics on {target}: {string.Join(", ", counts)}.");
    }
}
