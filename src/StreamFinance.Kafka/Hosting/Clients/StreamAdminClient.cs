using System.Reflection;
using System.Runtime.ExceptionServices;
using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// The admin client a stream is given: every call passes through, except that <see cref="IDisposable.Dispose"/> reaches
/// the real client once, whoever calls it first (a Confluent admin client must not be disposed twice), and that a purge
/// of repartition records a broker does not support ends as a purge of nothing.
/// </summary>
/// <remarks>
/// After each commit Streamiz deletes the repartition records it has consumed (<c>DeleteRecords</c>), an optimisation:
/// retention removes them anyway. A broker without that request (the embedded broker answers "Required feature not
/// supported by broker") made the request fail, and Streamiz reported the failure when it closed the stream thread
/// ("Failed to close stream thread"), an error in the log of every clean stop. Any other failure is left as it is.
/// </remarks>
internal class StreamAdminClient : DispatchProxy
{
    private IAdminClient target = null!;
    private int disposed;

    /// <summary>The proxy of <paramref name="target"/>.</summary>
    public static IAdminClient Wrap(IAdminClient target)
    {
        var proxy = Create<IAdminClient, StreamAdminClient>();
        ((StreamAdminClient)(object)proxy).target = target;
        return proxy;
    }

    /// <summary>Whether every partition of a failed purge failed because the broker does not support it.</summary>
    public static bool IsUnsupported(DeleteRecordsException error) =>
        error.Results.Count > 0 && error.Results.All(r => r.Error.Code is ErrorCode.Local_UnsupportedFeature or ErrorCode.UnsupportedVersion);

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (targetMethod.Name == nameof(IDisposable.Dispose) && targetMethod.GetParameters().Length == 0)
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
                target.Dispose();
            return null;
        }
        object? result;
        try
        {
            result = targetMethod.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        return targetMethod.Name == nameof(IAdminClient.DeleteRecordsAsync) && result is Task<List<DeleteRecordsResult>> purge
            ? UnlessUnsupported(purge)
            : result;
    }

    private static async Task<List<DeleteRecordsResult>> UnlessUnsupported(Task<List<DeleteRecordsResult>> purge)
    {
        try
        {
            return await purge.ConfigureAwait(false);
        }
        catch (DeleteRecordsException e) when (IsUnsupported(e))
        {
            return [];
        }
    }
}
