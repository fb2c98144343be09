namespace StreamFinance.Host.Provisioning;

/// <summary>Prints the outcome of a topic provisioning run, one line per topic that needs attention.</summary>
public static class TopicReport
{
    /// <summary>Writes the report; with <paramref name="verbose"/> unchanged topics are listed too.</summary>
    public static void Write(TextWriter output, string target, IReadOnlyList<ProvisionOutcome> outcomes, bool verbose)
    {
        var width = outcomes.Select(o => o.Topic.Name.Length).DefaultIfEmpty(10).Max();
        foreach (var o in outcomes.Where(o => verbose || o.Action != ProvisionAction.Unchanged))
            output.WriteLine($"  {o.Action.ToString().ToLowerInvariant(),-9} {o.Topic.Name.PadRight(width)}  {o.Detail}".TrimEnd());
        var counts = Enum.GetValues<ProvisionAction>()
            .Select(a => (a, n: outcomes.Count(o => o.Action == a)))
            .Where(x => x.n > 0)
            .Select(x => $"{x.n} {x.a.ToString().ToLowerInvariant()}");
        output.WriteLine($"Topics on {target}: {string.Join(", ", counts)}.");
    }
}
