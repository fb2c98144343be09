using System.Reflection;
using System.Runtime.InteropServices;

namespace StreamFinance.Embedded.Broker.Internals;

/// <summary>
/// Maps <see cref="LibrdkafkaNative.LibraryName"/> to the librdkafka that Confluent.Kafka loaded,
/// so the mock cluster and every Confluent client share one copy of the native library.
/// </summary>
/// <remarks>
/// Confluent.Kafka 2.16 on Linux tries <c>librdkafka.so</c> first and falls back to the
/// self-contained <c>centos8-librdkafka.so</c> (Alpine: <c>alpine-librdkafka.so</c>); on Debian
/// the first fails for lack of <c>libsasl2.so.3</c>. This resolver first makes Confluent.Kafka load
/// its library, then reopens the exact file that is mapped into the process (Linux, via
/// <c>/proc/self/maps</c>); where that is not available it tries Confluent's names in Confluent's order.
/// </remarks>
internal static class LibrdkafkaLibraryResolver
{
    private static readonly object Gate = new();

    // Every file name a Confluent.Kafka build loads librdkafka from, on any platform.
    private static readonly HashSet<string> CandidateFileNames = new(StringComparer.Ordinal)
    {
        "librdkafka.so", "librdkafka.so.1", "centos8-librdkafka.so", "alpine-librdkafka.so", "librdkafka.dylib",
    };

    private static bool registered;
    private static IntPtr handle;

    /// <summary>Registers the resolver for this assembly; safe to call many times.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            NativeLibrary.SetDllImportResolver(typeof(LibrdkafkaLibraryResolver).Assembly, Resolve);
            registered = true;
        }
    }

    /// <summary>The librdkafka files mapped into this process; empty where that cannot be told (no <c>/proc</c>).</summary>
    public static IReadOnlyList<string> LoadedLibrdkafkaFiles()
    {
        const string maps = "/proc/self/maps";
        if (!File.Exists(maps))
        {
            return [];
        }

        return File.ReadLines(maps)
            .Select(line => line.IndexOf('/') is var slash and >= 0 ? line[slash..].Trim() : null)
            .OfType<string>()
            .Where(path => CandidateFileNames.Contains(Path.GetFileName(path)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != LibrdkafkaNative.LibraryName)
        {
            return IntPtr.Zero;
        }

        lock (Gate)
        {
            if (handle == IntPtr.Zero)
            {
                handle = LoadConfluentsLibrdkafka();
            }

            return handle;
        }
    }

    private static IntPtr LoadConfluentsLibrdkafka()
    {
        // Confluent.Kafka picks its file first; we then follow its choice.
        Confluent.Kafka.Library.Load();

        var mapped = LoadedLibrdkafkaFiles();
        if (mapped.Count == 1)
        {
            return NativeLibrary.Load(mapped[0]);
        }

        if (mapped.Count > 1)
        {
            throw new InvalidOperationException(
                $"More than one librdkafka is loaded into this process ({string.Join(", ", mapped)}); " +
                "the mock cluster must share Confluent.Kafka's copy. Load librdkafka only through Confluent.Kafka.");
        }

        var confluentAssembly = typeof(Confluent.Kafka.Library).Assembly;
        foreach (var name in ConfluentProbeOrder())
        {
            if (NativeLibrary.TryLoad(name, confluentAssembly, null, out var loaded))
            {
                return loaded;
            }
        }

        throw new DllNotFoundException(
            $"Could not load librdkafka under any of the names Confluent.Kafka uses ({string.Join(", ", ConfluentProbeOrder())}). " +
            "Check that the librdkafka.redist native assets were copied to the output directory.");
    }

    private static IEnumerable<string> ConfluentProbeOrder()
    {
        yield return "librdkafka";
        if (OperatingSystem.IsLinux())
        {
            yield return IsAlpine() ? "alpine-librdkafka.so" : "centos8-librdkafka.so";
        }
    }

    private static bool IsAlpine() =>
        File.Exists("/etc/os-release") &&
        File.ReadLines("/etc/os-release").Any(l => l.Equals("ID=alpine", StringComparison.OrdinalIgnoreCase));
}
