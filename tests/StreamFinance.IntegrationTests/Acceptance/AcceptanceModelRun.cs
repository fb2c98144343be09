using System.Text;
using StreamFinance.IntegrationTests.Acceptance.Model;

namespace StreamFinance.IntegrationTests.Acceptance;

/// <summary>The steps of an acceptance run, in the order the end-to-end test takes them, for the model.</summary>
public static class AcceptanceModelRun
{
    /// <summary>The steps: phase 1, phase 2, the report-line wait, phase 3, the horizons.</summary>
    public static IReadOnlyList<(string Name, Action<ModelRun> Apply)> Steps { get; } =
    [
        ("phase 1", m => m.Phase(1)),
        ("phase 2", m => m.Phase(2)),
        ("report-line wait", m => m.ReportLineWaitPasses()),
        ("phase 3", m => m.Phase(3)),
        ("horizons", m => m.HorizonsPass()),
    ];

    /// <summary>The model after every step.</summary>
    public static ModelRun Complete(AcceptanceDataset data, ModelPolicy policy)
    {
        var run = new ModelRun(data, policy, DateOnly.FromDateTime(AcceptanceSettings.Start.UtcDateTime));
        foreach (var (_, apply) in Steps)
            apply(run);
        return run;
    }

    /// <summary>Outcomes by kind, reason and stage, and by case tag, as text.</summary>
    public static string Table(ModelRun run)
    {
        var text = new StringBuilder();
        foreach (var group in run.Outcomes.Values.GroupBy(o => $"{o.Kind} {o.Reason} ({o.Stage})").OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine($"{group.Key}: {group.Count()}");
        foreach (var group in run.Outcomes.Values.SelectMany(o => o.Record.Tags.Split(' ').Select(t => (Tag: t, o))).GroupBy(t => t.Tag).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine($"tag {group.Key}: {group.Count()}: {string.Join(", ", group.GroupBy(t => $"{t.o.Kind} {t.o.Reason}").Select(g => $"{g.Key} x{g.Count()}"))}");
        return text.ToString();
    }
}
