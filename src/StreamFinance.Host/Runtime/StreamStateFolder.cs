namespace StreamFinance.Host.Runtime;

/// <summary>
/// The RocksDB state folder of one topology's stream (its Streamiz <c>StateDir</c>), kept across a restart only when
/// the stream before closed cleanly: otherwise emptied before the next stream starts, so that Streamiz rebuilds every
/// store from its changelog alone.
/// </summary>
/// <remarks>
/// Streamiz 1.8 flushes a task's RocksDB stores (its write-ahead log is off) before it flushes its producer and
/// commits, under either guarantee, and after a crash it restores each store from its last checkpoint, or from the
/// changelog's start, over whatever the folder holds: it never empties it. A process killed between the two steps
/// therefore leaves a store ahead of what reached Kafka: a dedupe entry for a line whose dead letter or approval was
/// never written (at least once), or that a transaction the kill aborted wrote (exactly once, whose restore reads
/// committed records only). The line, read again from its uncommitted offset, would then be dropped as already
/// decided. Kafka Streams empties a task's state after an unclean exactly-once shutdown for the same reason.
/// </remarks>
public static class StreamStateFolder
{
    /// <summary>The file that says the last stream on the folder closed cleanly.</summary>
    public const string CleanCloseMarker = ".streamfinance-closed-cleanly";

    /// <summary>
    /// Before a stream starts on <paramref name="folder"/>: keeps what it holds when the stream before closed cleanly
    /// (and takes the marker away, so that a crash of this stream is seen at the next start), otherwise deletes it.
    /// Returns how many files and folders were deleted (0 for a new or empty folder).
    /// </summary>
    public static int PrepareForStart(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (!Directory.Exists(folder))
            return 0;
        var marker = Path.Combine(folder, CleanCloseMarker);
        if (File.Exists(marker))
        {
            File.Delete(marker);
            return 0;
        }
        var deleted = 0;
        foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
                directory.Delete(recursive: true);
            else
                entry.Delete();
            deleted++;
        }
        return deleted;
    }

    /// <summary>After the stream on <paramref name="folder"/> closed cleanly (its tasks committed): marks the folder as safe to keep.</summary>
    public static void MarkClosedCleanly(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        if (Directory.Exists(folder))
            File.WriteAllText(Path.Combine(folder, CleanCloseMarker), "");
    }
}
