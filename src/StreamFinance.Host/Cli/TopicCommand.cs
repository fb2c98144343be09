using System.CommandLine;
using StreamFinance.Contracts.Catalog;
using StreamFinance.Host.Inspection;
using StreamFinance.Host.Runtime;
using StreamFinance.Kafka.SerDes;

namespace StreamFinance.Host.Cli;

/// <summary>
/// <c>streamfinance topic dump|tail &lt;topic&gt;</c>: any catalog topic decoded through the Schema Registry, as JSON
/// lines, JSON or CSV, for data teams and ERP integrators who should not have to write a client to look at a topic.
/// </summary>
public static class TopicCommand
{
    /// <summary>Builds the command and its sub-commands.</summary>
    public static Command Create()
    {
        var topic = new Command("topic", "Read one catalog topic, decoded: dump what it holds, or tail what arrives.");
        topic.Subcommands.Add(Dump());
        topic.Subcommands.Add(Tail());
        return topic;
    }

    private static Command Dump()
    {
        var command = new Command("dump", "Print every record the topic holds now, from the beginning of each partition to its current end, then a count on stderr.");
        var (topic, format, max, settingsOptions) = Common(command);
        command.SetAction(async (parse, ct) =>
        {
            var (spec, source) = await OpenAsync(settingsOptions, parse, topic, ct);
            return Print(parse, spec, source.Dump(spec, ct), parse.GetValue(format), parse.GetValue(max));
        });
        return command;
    }

    private static Command Tail()
    {
        var command = new Command("tail", "Print records as they arrive until stopped (Ctrl+C, SIGTERM) or --max is reached, then a count on stderr.");
        var (topic, format, max, settingsOptions) = Common(command);
        var fromBeginning = new Option<bool>("--from-beginning") { Description = "Start at the beginning of every partition instead of its current end." };
        command.Options.Add(fromBeginning);
        command.SetAction(async (parse, ct) =>
        {
            var (spec, source) = await OpenAsync(settingsOptions, parse, topic, ct);
            return Print(parse, spec, source.Tail(spec, parse.GetValue(fromBeginning), ct), parse.GetValue(format), parse.GetValue(max));
        });
        return command;
    }

    private static (Argument<string> Topic, Option<RecordFormat> Format, Option<int?> Max, SettingsOptions Settings) Common(Command command)
    {
        var topic = new Argument<string>("topic") { Description = "A catalog topic (see 'streamfinance topics list'), e.g. erp.journal-postings." };
        topic.Validators.Add(r =>
        {
            var name = r.GetValueOrDefault<string>();
            if (!Topics.All.Any(t => t.Name == name))
                r.AddError($"'{name}' is not a catalog topic; use one of {string.Join(", ", Topics.All.Select(t => t.Name))}.");
        });
        var format = new Option<RecordFormat>("--format")
        {
            Description = "jsonl (default: one JSON object per line), json (indented objects) or csv (a column per value field).",
            DefaultValueFactory = _ => RecordFormat.Jsonl,
        };
        var max = new Option<int?>("--max") { Description = "Stop after this many records." };
        max.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1)
                r.AddError("--max must be at least 1.");
        });
        command.Arguments.Add(topic);
        command.Options.Add(format);
        command.Options.Add(max);
        return (topic, format, max, new SettingsOptions(command, withAddresses: true));
    }

    private static async Task<(TopicSpec Spec, TopicRecordSource Source)> OpenAsync(SettingsOptions settingsOptions, ParseResult parse, Argument<string> topic, CancellationToken ct)
    {
        var settings = settingsOptions.Load(parse);
        await DependencyProbe.CheckAsync(settings.Kafka, settings.SchemaRegistry, ct);
        return (Topics.ByName(parse.GetValue(topic)!), new TopicRecordSource(settings.Kafka, SerDesFactory.FromOptions(settings.SchemaRegistry)));
    }

    private static int Print(ParseResult parse, TopicSpec topic, IEnumerable<DecodedRecord> records, RecordFormat format, int? max)
    {
        var (count, undecodable) = (0, 0);
        using (var printer = new RecordPrinter(parse.InvocationConfiguration.Output, topic, format))
        {
            try
            {
                foreach (var record in max is { } limit ? records.Take(limit) : records)
                {
                    printer.Write(record);
                    count++;
                    undecodable += record.Error is null ? 0 : 1;
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped by a signal: what was printed stands, and the count below says how much.
            }
        }
        parse.InvocationConfiguration.Error.WriteLine(
            $"streamfinance: {count} record(s) of {topic.Name}{(undecodable > 0 ? $", {undecodable} of them not decodable (see their error and rawValue)" : "")}.");
        return ExitCodes.Ok;
    }
}
