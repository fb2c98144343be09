using System.Globalization;

namespace StreamFinance.Topologies.Tests.Simulation;

/// <summary>The counts of one simulated run, or the sum of many (<see cref="Add"/>).</summary>
public sealed record SimulationFigures
{
    public int Seeds { get; init; }
    public int ExactlyOnceSeeds { get; init; }
    public int OutputsLostSeeds { get; init; }
    public int Steps { get; init; }
    public int Records { get; init; }
    public int Redeliveries { get; init; }
    public int Duplicates { get; init; }
    public int Lines { get; init; }
    public int Approved { get; init; }
    public int LinesDeadLettered { get; init; }
    public int Cards { get; init; }
    public int CardsDeadLettered { get; init; }
    public int PostingDeadLetters { get; init; }
    public int Journals { get; init; }
    public int JournalWrites { get; init; }
    public int LateApprovals { get; init; }
    public int Crashes { get; init; }
    public int Commits { get; init; }
    public int DecisionsChecked { get; init; }
    public int RewrittenApprovals { get; init; }
    public int RewrittenDeadLetters { get; init; }
    public int OvertakenByMasterData { get; init; }
    public TimeSpan Elapsed { get; init; }
    public IReadOnlyDictionary<string, decimal> PostedAmounts { get; init; } = new Dictionary<string, decimal>();

    public SimulationFigures Add(SimulationFigures other) => new()
    {
        Seeds = Seeds + other.Seeds, ExactlyOnceSeeds = ExactlyOnceSeeds + other.ExactlyOnceSeeds, OutputsLostSeeds = OutputsLostSeeds + other.OutputsLostSeeds, Steps = Steps + other.Steps, Records = Records + other.Records,
        Redeliveries = Redeliveries + other.Redeliveries, Duplicates = Duplicates + other.Duplicates, Lines = Lines + other.Lines, Approved = Approved + other.Approved,
        LinesDeadLettered = LinesDeadLettered + other.LinesDeadLettered, Cards = Cards + other.Cards, CardsDeadLettered = CardsDeadLettered + other.CardsDeadLettered,
        PostingDeadLetters = PostingDeadLetters + other.PostingDeadLetters, Journals = Journals + other.Journals, JournalWrites = JournalWrites + other.JournalWrites,
        LateApprovals = LateApprovals + other.LateApprovals, Crashes = Crashes + other.Crashes, Commits = Commits + other.Commits,
        DecisionsChecked = DecisionsChecked + other.DecisionsChecked, RewrittenApprovals = RewrittenApprovals + other.RewrittenApprovals, RewrittenDeadLetters = RewrittenDeadLetters + other.RewrittenDeadLetters, OvertakenByMasterData = OvertakenByMasterData + other.OvertakenByMasterData, Elapsed = Elapsed + other.Elapsed,
        PostedAmounts = PostedAmounts.Concat(other.PostedAmounts).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)),
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Seeds} seeds ({ExactlyOnceSeeds} exactly-once, {Seeds - ExactlyOnceSeeds - OutputsLostSeeds} at-least-once, {OutputsLostSeeds} at-least-once losing outputs), {Steps} steps, {Records} source records " +
        $"({Redeliveries} re-deliveries, {Duplicates} duplicates); {Lines} expense lines: {Approved} approved, {LinesDeadLettered} dead-lettered, 0 held, 0 lost, 0 twice; " +
        $"{Cards} card transactions, {CardsDeadLettered} dead-lettered undocumented; {PostingDeadLetters} refused by posting; " +
        $"{Journals} journals ({JournalWrites} writes), all balanced; {LateApprovals} late approvals posted in a later window; " +
        $"{Crashes} crashes, {Commits} commits, {RewrittenApprovals} approvals and {RewrittenDeadLetters} dead letters written again, byte for byte, by producer retries and redos; {DecisionsChecked} approvals checked against the master data read, {OvertakenByMasterData} later overtaken by master data; " +
        $"posted {string.Join(", ", PostedAmounts.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))}; {Elapsed.TotalSeconds:F1} s");
}
