using StreamFinance.Host.Runtime;
using StreamFinance.TestSupport.Files;

namespace StreamFinance.Host.Tests.Runtime;

/// <summary>Found with the crash harness (issue 14): a killed process left RocksDB stores that Streamiz restored over, never emptied.</summary>
public sealed class StreamStateFolderTests
{
    [Fact]
    public void A_folder_not_closed_cleanly_is_emptied_before_the_next_stream_starts()
    {
        using var work = new TempDirectory("state");
        var task = Directory.CreateDirectory(Path.Combine(work.Path, "app", "1-2", "rocksdb", "posting.open-expenses")).FullName;
        File.WriteAllText(Path.Combine(task, "000012.sst"), "left by a killed process");
        File.WriteAllText(Path.Combine(work.Path, "app", "1-2", ".checkpoint"), "0\n");

        Assert.Equal(1, StreamStateFolder.PrepareForStart(work.Path));

        Assert.Empty(Directory.EnumerateFileSystemEntries(work.Path));
    }

    [Fact]
    public void A_folder_closed_cleanly_is_kept_once_and_emptied_if_the_next_stream_does_not_close_cleanly()
    {
        using var work = new TempDirectory("state");
        var store = Path.Combine(Directory.CreateDirectory(Path.Combine(work.Path, "app", "0-0")).FullName, "000001.sst");
        File.WriteAllText(store, "committed");
        StreamStateFolder.MarkClosedCleanly(work.Path);

        Assert.Equal(0, StreamStateFolder.PrepareForStart(work.Path));
        Assert.True(File.Exists(store));
        Assert.False(File.Exists(Path.Combine(work.Path, StreamStateFolder.CleanCloseMarker)));

        // This stream is killed: no marker at the next start.
        Assert.Equal(1, StreamStateFolder.PrepareForStart(work.Path));
        Assert.False(File.Exists(store));
    }

    [Fact]
    public void A_new_folder_is_left_alone()
    {
        using var work = new TempDirectory("state");
        var folder = Path.Combine(work.Path, "not-yet");

        Assert.Equal(0, StreamStateFolder.PrepareForStart(folder));
        StreamStateFolder.MarkClosedCleanly(folder);
        Assert.False(Directory.Exists(folder));
    }
}
