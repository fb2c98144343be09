namespace StreamFinance.Host.Configuration;

/// <summary>
/// Settings forced when the Kafka cluster is the embedded broker (<c>demo</c>, <c>run --broker-control</c>), because its
/// group coordinator (librdkafka's mock cluster) differs from Kafka's in two ways that decide how fast a restart resumes.
/// </summary>
/// <remarks>
/// <para>It matches members by member id only and ignores <c>group.instance.id</c>, so a static member that restarts is a
/// new member and the old one, which never sent LeaveGroup (static members do not), holds its partitions for the whole
/// session timeout. Dynamic members leave on a clean stop, so a restart after SIGTERM rejoins at once.</para>
/// <para>Whenever a member joins a group that is not empty it waits the session timeout less one second for every member
/// to rejoin, where Kafka moves on as soon as all known members have. A short session timeout keeps both a second
/// stream thread's join and a restart after a crash to a few seconds.</para>
/// </remarks>
public static class EmbeddedBrokerSettings
{
    /// <summary>Session timeout on the embedded broker: 6 s (heartbeats every 2 s).</summary>
    public const int SessionTimeoutMs = 6_000;

    /// <summary>The settings, as configuration keys and values.</summary>
    public static IReadOnlyDictionary<string, string?> Forced { get; } = new Dictionary<string, string?>
    {
        ["Streams:StaticMembership"] = "false",
        ["Streams:SessionTimeoutMs"] = SessionTimeoutMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
