namespace StreamFinance.Domain.Procurement;

/// <summary>The procurement topology's settings (section <c>Procurement</c>).</summary>
public sealed class ProcurementOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Procurement";

    /// <summary>
    /// How often (wall clock) held purchase orders are looked at again when master data (budgets, suppliers, employees,
    /// rates) changed since the last look. Default 5 seconds. Releases caused by the topology itself (a cancellation, a
    /// close, a lowered revision) happen at once, not on this clock.
    /// </summary>
    public TimeSpan HoldCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The defaults.</summary>
    public static ProcurementOptions Default() => new();

    /// <summary>What is wrong with the settings, one sentence each; empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        var problems = new List<string>();
        if (HoldCheckInterval <= TimeSpan.Zero || HoldCheckInterval > TimeSpan.FromHours(1))
            problems.Add($"{Section}:{nameof(HoldCheckInterval)} must be more than 0 and at most 01:00:00 (it is {HoldCheckInterval}).");
        return problems;
    }
}
