using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using StreamFinance.Host.Api.Http;
using StreamFinance.Host.Audit;
using StreamFinance.Host.Runtime;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Cli;

/// <summary>
/// <c>streamfinance audit verify [--since D]</c> and <c>streamfinance audit trace &lt;id&gt; [--format text|json]</c>:
/// check the audit trail's hash chains and daily heads, and print one transaction's journey, from <c>audit.events</c>.
/// </summary>
public static class AuditCommand
{
    /// <summary>Builds the command and its sub-commands.</summary>
    public static Command Create()
    {
        var audit = new Command("audit", "Check and search the audit trail (audit.events).");
        audit.Subcommands.Add(Verify());
        audit.Subcommands.Add(Trace());
        return audit;
    }

    private static Command Verify()
    {
        var command = new Command("verify",
            "Recompute every event's hash, every correlation id's chain and every partition's daily chain heads from audit.events; print each edited event, gap, break or head mismatch with its partition and offset. Exit code 4 when any is found.");
        var since = SinceOption("Only events from this date or ISO 8601 instant on (chains may then start at any sequence; partition hashes are checked from each partition's first chain head).");
        command.Options.Add(since);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);
        command.SetAction(async (parse, ct) =>
        {
            var reader = await ReaderAsync(settingsOptions, parse, ct);
            var verifier = await Task.Run(() => reader.Verify(ParseSince(parse.GetValue(since)), ct), ct);
            var output = parse.InvocationConfiguration.Output;
            foreach (var finding in verifier.Findings)
                output.WriteLine(finding);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audit verify: {verifier.Events} event(s), {verifier.Chains} chain(s), {verifier.HeadsChecked} daily head(s) checked, {verifier.Repeats} repeat(s) taken once: {(verifier.Findings.Count == 0 ? "no problem found" : $"{verifier.Findings.Count} problem(s)")}."));
            return verifier.Findings.Count == 0 ? ExitCodes.Ok : ExitCodes.AuditProblems;
        });
        return command;
    }

    private static Command Trace()
    {
        var command = new Command("trace", "Print the journey of the transactions an id names (correlation id, expense id, card transaction id, master-data key, reconciliation id, ...) as a timeline, read from audit.events.");
        var id = new Argument<string>("id") { Description = "The id to trace, e.g. EXP-1001 or JE-US01-USD-20260410T0900Z-1a2b3c4d." };
        var format = new Option<string>("--format") { Description = "text (default, a readable timeline) or json (as GET /v1/audit/{id} answers).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var since = SinceOption("Only events from this date or ISO 8601 instant on.");
        command.Arguments.Add(id);
        command.Options.Add(format);
        command.Options.Add(since);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);
        command.SetAction(async (parse, ct) =>
        {
            var reader = await ReaderAsync(settingsOptions, parse, ct);
            var timeline = await Task.Run(() => reader.Trace(parse.GetValue(id)!, ParseSince(parse.GetValue(since)), ct), ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
                output.WriteLine(JsonSerializer.Serialize(AuditTrailResponse.From(timeline), ApiJsonContext.Default.AuditTrailResponse));
            else
                output.Write(timeline.Render());
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The reader of <c>audit.events</c> with the command's settings, once Kafka and the Schema Registry answer.</summary>
    private static async Task<AuditTopicReader> ReaderAsync(SettingsOptions settingsOptions, ParseResult parse, CancellationToken ct)
    {
        var settings = settingsOptions.Load(parse);
        await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);
        return new AuditTopicReader(settings.Kafka, SerDesFactory.FromOptions(settings.SchemaRegistry));
    }

    private static Option<string?> SinceOption(string description)
    {
        var since = new Option<string?>("--since") { Description = description };
        since.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && ParseSince(text) is null)
                r.AddError($"'{text}' is not a date or an ISO 8601 instant; use e.g. 2026-04-20 or 2026-04-20T00:00:00Z.");
        });
        return since;
    }

    private static DateTimeOffset? ParseSince(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
}
