namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// Makes the Streamiz thread that polls a consumer a background thread. Streamiz 1.8.2 starts its stream and global
/// threads as foreground threads, and a thread blocked for ever inside a Kafka client call (see
/// <c>TopologyService</c>: a stream left behind) would then keep the process from exiting after a clean stop. The
/// host stops every stream it runs itself, so nothing is lost by not waiting for them at exit.
/// </summary>
internal static class BackgroundStreamThread
{
    /// <summary>Marks the calling thread; called by the consumers Streamiz polls, on its own threads.</summary>
    public static void MarkCurrent()
    {
        var thread = Thread.CurrentThread;
        if (!thread.IsBackground)
            thread.IsBackground = true;
    }
}
