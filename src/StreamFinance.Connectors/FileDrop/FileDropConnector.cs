using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using StreamFinance.Connectors.Mapping;
using StreamFinance.Connectors.Runtime;
using StreamFinance.Connectors.Sensitive;
using StreamFinance.Connectors.Sources;
using StreamFinance.Contracts.Outputs;

namespace StreamFinance.Connectors.FileDrop;

/// <summary>
/// Watches an inbox folder for files of one mapping profile (CSV, JSON Lines, ...), ingests each file once through the
/// <see cref="IngestPipeline"/>, then moves it to <c>processed/</c>; bad records alone go to <c>dlq.ingest</c>. A file
/// that cannot be read as a whole (wrong extension, empty, not UTF-8, no record readable) goes to <c>quarantine/</c> with
/// <c>&lt;file&gt;.reason.txt</c>. For formats whose records stand alone (<see cref="ISourceFormat.SelfContainedRecords"/>, X12)
/// that means nothing placeable in a record at all (no ISA, garbage); a readable transaction set that is malformed or
/// whose data cannot be mapped (an unknown currency) is that set's dead letter on <c>dlq.ingest</c>, even when it is the
/// file's only set. Files ending in <c>.tmp</c>/<c>.part</c>, hidden files and files written to within
/// <see cref="FileDropOptions.SettleMs"/> are left alone. On start it reads its committed offsets and resumes a file
/// still in the inbox after its committed line.
/// </summary>
public sealed class FileDropConnector(ConnectorContext context, FileDropOptions options, IRecordMapper mapper, ISourceFormat format) : IConnector
{
    private readonly IngestPipeline pipeline = new(context);
    private IReadOnlyDictionary<string, ConnectorOffset>? offsets;

    /// <inheritdoc />
    public string Name => context.Name;

    /// <inheritdoc />
    public ConnectorHealth Health => context.Health;

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(options.Inbox);
        offsets = await context.Offsets.LoadAsync(context.Name, ct).ConfigureAwait(false);
        context.Health.Started();
        context.Logger.LogInformation("Connector {Connector} watches {Inbox} for {Format} files of profile {Profile}", Name, options.Inbox, format.Name, mapper.ProfileId);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                await ScanOnceAsync(ct).ConfigureAwait(false);
                await Task.Delay(options.PollIntervalMs, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            context.Health.Stopped();
        }
    }

    /// <summary>
    /// Ingests every settled file now in the inbox, oldest first; returns their results (quarantined files are not
    /// included). The first scan reads the committed offsets, so a file left by a crash resumes after its committed line.
    /// </summary>
    public async Task<IReadOnlyList<IngestResult>> ScanOnceAsync(CancellationToken ct)
    {
        offsets ??= await context.Offsets.LoadAsync(context.Name, ct).ConfigureAwait(false);
        var results = new List<IngestResult>();
        var settledBefore = context.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMilliseconds(options.SettleMs);
        var files = new DirectoryInfo(options.Inbox).EnumerateFiles()
            .Where(f => !f.Name.StartsWith('.') && !FileFormats.Partial.Contains(f.Extension, StringComparer.OrdinalIgnoreCase))
            .Where(f => f.LastWriteTimeUtc <= settledBefore)
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
        foreach (var file in files)
        {
            ct.ThrowIfCancellationRequested();
            try
            {
                if (await IngestFileAsync(file, ct).ConfigureAwait(false) is { } result)
                    results.Add(result);
                context.Health.Succeeded();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The file stays in the inbox and is retried on the next scan, resuming after its committed line.
                context.Health.Failed($"{file.Name}: {e.Message}");
                context.Logger.LogError(e, "Connector {Connector} could not finish {File}; it stays in the inbox and is retried on the next scan", Name, file.Name);
            }
        }

        return results;
    }

    private async Task<IngestResult?> IngestFileAsync(FileInfo file, CancellationToken ct)
    {
        byte[] payload;
        try
        {
            payload = await File.ReadAllBytesAsync(file.FullName, ct).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return null; // Still locked by the uploader; taken on a later scan.
        }

        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(payload));
        var previous = offsets!.GetValueOrDefault(file.Name) is { } o && o.cursor == fingerprint ? o : null;
        if (previous is { completed: true })
        {
            // Ingested and committed before a crash that came before the move.
            Move(file, options.ProcessedPath);
            return null;
        }

        if (WholeFileProblem(file.Name, payload) is { } problem)
        {
            Quarantine(file, problem);
            return null;
        }

        var ingestTime = context.Clock.GetUtcNow().UtcDateTime;
        var batch = new IngestBatch(file.Name, IngestItems.Read(format, mapper, payload, file.Name, ingestTime))
        {
            ResumeAfterLine = previous?.line ?? 0,
            Cursor = fingerprint,
            CompletesSource = true,
            RecordsCommittedBefore = previous?.recordsCommitted ?? 0,
        };
        var result = await pipeline.IngestAsync(batch, ct).ConfigureAwait(false);
        Move(file, options.ProcessedPath);
        context.Logger.LogInformation("Connector {Connector} processed {File}: read {Read} = produced {Produced} + dead-lettered {DeadLettered} (resumed after line {Skipped})",
            Name, file.Name, result.Read, result.Produced, result.DeadLettered, batch.ResumeAfterLine);
        return result;
    }

    private string? WholeFileProblem(string fileName, byte[] payload)
    {
        if (!FileFormats.Accepts(format.Name, fileName))
            return $"The extension of '{fileName}' does not fit profile {mapper.ProfileId}, which reads {format.Name} ({FileFormats.Describe(format.Name)}). Drop it in the inbox of a connector for its format, or rename it if it really is {format.Name}.";
        if (payload.AsSpan().IndexOfAnyExcept(" \t\r\n"u8) < 0)
            return $"'{fileName}' is empty ({payload.Length} bytes, no content). Ask the sender for the complete file and drop it again.";
        if (FileFormats.IsText(format.Name) && !IsUtf8(payload, out var at))
            return $"'{fileName}' is not UTF-8 text (invalid byte sequence at byte {at}). Ask the sender to export it as UTF-8, then drop it again.";
        if (format.SelfContainedRecords)
            return UnreadableProblem(fileName, payload);
        // A file none of whose first records can be read or mapped has the wrong header or structure: one reason for the
        // file beats a dead letter per line.
        var head = IngestItems.Read(format, mapper, payload, fileName, context.Clock.GetUtcNow().UtcDateTime).Take(10).ToList();
        if (head.Count == 0)
            return $"'{fileName}' holds no record readable as {format.Name} (a header alone?). Ask the sender for the complete file and drop it again.";
        if (head.All(r => r.Failure is not null))
            return $"No record of the first {head.Count} of '{fileName}' can be read and mapped with profile {mapper.ProfileId}: {head[0].Sensitive.Mask(head[0].Failure!.Message)}. Check the file has the header and structure the profile expects, fix it, then drop it again.";
        return null;
    }

    /// <summary>
    /// For formats whose records stand alone (X12): the file is unreadable only when none of its first items is a record or
    /// a record's own failure, e.g. no ISA at all; a readable set with bad data or a malformed set is a dead letter of its own.
    /// </summary>
    private string? UnreadableProblem(string fileName, byte[] payload)
    {
        var head = format.Read(payload, fileName, mapper.FormatOptions).Take(10).ToList();
        if (head.Count == 0)
            return $"'{fileName}' holds no record readable as {format.Name}. Ask the sender for the complete file and drop it again.";
        if (head.Any(r => r.Record is not null || r.Failure!.RecordLevel))
            return null;
        var message = SensitiveValues.Unlocated(mapper.SensitiveFields).Mask(head[0].Failure!.Message);
        return $"Nothing in the first {head.Count} parts of '{fileName}' can be read as {format.Name}: {message} Check that the file is complete {format.Name}, fix it, then drop it again.";
    }

    private static bool IsUtf8(byte[] payload, out int invalidAt)
    {
        invalidAt = 0;
        try
        {
            _ = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetCharCount(payload);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            invalidAt = e.Index;
            return false;
        }
    }

    private void Quarantine(FileInfo file, string reason)
    {
        var target = Move(file, options.QuarantinePath);
        File.WriteAllText(target + ".reason.txt", $"{reason}{Environment.NewLine}Connector: {Name}; profile: {mapper.ProfileId}; quarantined at {context.Clock.GetUtcNow():O}.{Environment.NewLine}");
        context.Health.Failed($"{file.Name} quarantined: {reason}");
        context.Logger.LogWarning("Connector {Connector} quarantined {File}: {Reason}", Name, file.Name, reason);
    }

    private static string Move(FileInfo file, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, file.Name);
        if (File.Exists(target))
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file.Name)}.{DateTime.UtcNow:yyyyMMddTHHmmssfff}{file.Extension}");
        file.MoveTo(target);
        return target;
    }
}
