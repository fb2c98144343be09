using System.Net;
using System.Net.Sockets;
using StreamFinance.Host.Configuration;

namespace StreamFinance.Host.Runtime;

/// <summary>
/// Checks, before a command has any effect (no topic created, no listener opened, no stream started), that every TCP
/// listener it will open can be opened and every folder it will use can be created and written, and reports every
/// problem at once as a <see cref="ConfigurationException"/> (exit code 2, one line per problem naming the setting or
/// option and its value).
/// </summary>
/// <remarks>
/// A listener is probed by binding a socket to its address and port and releasing it at once; port 0 (any free port)
/// is not probed. Two listeners of the same command on the same port are reported too, since each alone would pass. A
/// folder is probed by creating it (as the command would) and writing and deleting a small file in it. Another process
/// can still take a port between the check and the real listen: the late failure is then reported by the listener
/// itself.
/// </remarks>
public sealed class StartupPreflight
{
    private const string ProbeFilePrefix = ".streamfinance-preflight-";

    private readonly List<ListenerCheck> listeners = [];
    private readonly List<FolderCheck> folders = [];

    /// <summary>Adds a listener to check.</summary>
    public StartupPreflight Listener(ListenerCheck listener)
    {
        listeners.Add(listener);
        return this;
    }

    /// <summary>Adds a folder to check.</summary>
    public StartupPreflight Folder(FolderCheck folder)
    {
        folders.Add(folder);
        return this;
    }

    /// <summary>Every problem found, each one sentence naming the setting and its value; empty when all is well.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        for (var i = 0; i < listeners.Count; i++)
        {
            var listener = listeners[i];
            if (listener.Port == 0)
                continue;
            if (listener.Port is < 0 or > IPEndPoint.MaxPort)
                problems.Add($"{listener.Setting} {listener.Port} is not a TCP port: use 1 to {IPEndPoint.MaxPort}, or 0 for any free port.");
            else if (listeners.Take(i).FirstOrDefault(listener.Overlaps) is { } earlier)
                problems.Add($"{listener.Setting} {listener.Port} on {listener.Address} is also {earlier.Setting}, so {listener.Purpose} and {earlier.Purpose} would compete for it. Give each its own port.");
            else if (Probe(listener) is { } problem)
                problems.Add(problem);
        }
        foreach (var folder in folders)
            if (Probe(folder) is { } problem)
                problems.Add(problem);
        return problems;
    }

    /// <summary>Checks everything added.</summary>
    /// <exception cref="ConfigurationException">Something cannot be listened on or written; <see cref="ConfigurationException.Problems"/> lists each.</exception>
    public void ThrowIfAnyProblem()
    {
        var problems = Problems();
        if (problems.Count > 0)
            throw new ConfigurationException(problems);
    }

    private static string? Probe(ListenerCheck listener)
    {
        try
        {
            using var socket = new Socket(listener.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(listener.Address, listener.Port));
            socket.Listen();
            return null;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"{listener.Setting} {listener.Port} on {listener.Address} is already in use by another process, so {listener.Purpose} cannot listen there. {listener.Remedy}";
        }
        catch (SocketException e)
        {
            var check = listener.HostSetting is null ? listener.Setting : $"{listener.HostSetting} and {listener.Setting}";
            return $"{listener.Setting} {listener.Port} on {listener.Address} cannot be listened on for {listener.Purpose} ({e.Message.TrimEnd('.')}). Check {check}.";
        }
    }

    private static string? Probe(FolderCheck folder)
    {
        try
        {
            var path = Directory.CreateDirectory(folder.Path).FullName;
            var probe = Path.Combine(path, ProbeFilePrefix + Guid.NewGuid().ToString("N"));
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"{folder.Setting} '{folder.Path}' cannot be created or written for {folder.Purpose} ({e.Message.TrimEnd('.')}). Give a folder this process can create and write to.";
        }
    }
}
