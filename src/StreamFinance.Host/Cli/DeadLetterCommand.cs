using System.CommandLine;
using System.Globalization;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Contracts.Outputs;
using StreamFinance.Host.Catalog;
using StreamFinance.Host.DeadLetters;
using StreamFinance.Host.Runtime;
using StreamFinance.Topologies;
using StreamFinance.Kafka.DeadLetters;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Cli;

/// <summary><c>streamfinance dlq replay --topic dlq.expenses [--reason R] [--since T] [--dry-run]</c>: re-submit dead letters after their cause is fixed.</summary>
public static class DeadLetterCommand
{
    /// <summary>Builds the command and its sub-commands.</summary>
    public static Command Create()
    {
        var dlq = new Command("dlq", "Work with the dead-letter topics (dlq.*).");
        dlq.Subcommands.Add(Replay());
        return dlq;
    }

    private static Command Replay()
    {
        var command = new Command("replay",
            "Re-produce dead letters' raw key and value to their origin topic with their original headers and a replay header; prints read, matched and replayed counts. Replaying twice never posts twice.");
        var topic = new Option<string>("--topic") { Description = "The dead-letter topic, e.g. dlq.expenses.", Required = true };
        topic.Validators.Add(r =>
        {
            if (TopicProblem(r.GetValueOrDefault<string>()) is { } problem)
                r.AddError(problem);
        });
        var reason = new Option<string?>("--reason") { Description = "Only dead letters with this reason code, e.g. INACTIVE_COST_CENTER." };
        reason.Validators.Add(r =>
        {
            var code = r.GetValueOrDefault<string?>();
            if (code is not null && ReasonCode.All.All(c => c.Code != code))
                r.AddError($"'{code}' is not a reason code; use one of {string.Join(", ", ReasonCode.All.Select(c => c.Code))}.");
        });
        var since = new Option<string?>("--since") { Description = "Only dead letters that failed at or after this ISO 8601 instant, e.g. 2026-04-20T00:00:00Z." };
        since.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !TryParseInstant(text, out _))
                r.AddError($"'{text}' is not an ISO 8601 instant; use e.g. 2026-04-20T00:00:00Z.");
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "List the dead letters that would be replayed; produce nothing." };
        command.Options.Add(topic);
        command.Options.Add(reason);
        command.Options.Add(since);
        command.Options.Add(dryRun);
        var settingsOptions = new SettingsOptions(command, withAddresses: true);
        command.SetAction(async (parse, ct) =>
        {
            var settings = settingsOptions.Load(parse);
            await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);
            TryParseInstant(parse.GetValue(since), out var from);
            var request = new ReplayRequest(
                Topics.ByName(parse.GetValue(topic)!),
                parse.GetValue(reason) is { } code ? ReasonCode.Parse(code) : null,
                from,
                parse.GetValue(dryRun));
            var output = parse.InvocationConfiguration.Output;
            var ciphers = settings.Connectors.Where(c => c.Value.DeadLetterSecret is not null)
                .ToDictionary(c => $"connector.{c.Key}", c => SensitiveOriginalCipher.FromSecret(c.Value.DeadLetterSecret!));
            var replayer = new DeadLetterReplayer(settings.Kafka, SerDesFactory.FromOptions(settings.SchemaRegistry), ciphers);
            var report = await replayer.ReplayAsync(request, request.DryRun ? letter => output.WriteLine(Describe(letter)) : null, ct);
            output.WriteLine((request.DryRun ? "dry run: " : "") + report);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(DeadLetter letter) =>
        $"{DeadLetterOrigin.Of(letter)} {letter.reasonCode} attempt {letter.attemptCount.ToString(CultureInfo.InvariantCulture)}: {letter.message}";

    private static bool TryParseInstant(string? text, out DateTimeOffset? instant)
    {
        instant = null;
        if (text is null)
            return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        instant = parsed;
        return true;
    }

    // Only the dead-letter topics something writes can be replayed; a planned one was never created.
    private static string? TopicProblem(string? name)
    {
        var replayable = CommandTopicUsers.ReplayableTopics(TopologyCatalog.All);
        if (replayable.Any(t => t.Name == name))
            return null;
        var known = string.Join(", ", replayable.Select(t => t.Name));
        return Topics.All.FirstOrDefault(t => t.Name == name && t.ValueType == typeof(DeadLetter)) is { } planned
            ? $"'{name}' is a planned dead-letter topic ({planned.PlannedWriters ?? "no writer decided yet"}): nothing writes it yet, so there is nothing to replay; use one of {known}."
            : $"'{name}' is not a dead-letter topic; use one of {known}.";
    }
}
