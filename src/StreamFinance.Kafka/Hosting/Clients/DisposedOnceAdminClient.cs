using System.Reflection;
using System.Runtime.ExceptionServices;
using Confluent.Kafka;

namespace StreamFinance.Kafka.Hosting.Clients;

/// <summary>
/// An admin client whose <see cref="IDisposable.Dispose"/> reaches the real client once, whoever calls it first (a
/// Confluent admin client must not be disposed twice); every other call passes through.
/// </summary>
internal class DisposedOnceAdminClient : DispatchProxy
{
    private IAdminClient target = null!;
    private int disposed;

    /// <summary>The proxy of <paramref name="target"/>.</summary>
    public static IAdminClient Wrap(IAdminClient target)
    {
        var proxy = Create<IAdminClient, DisposedOnceAdminClient>();
        ((DisposedOnceAdminClient)(object)proxy).target = target;
        return proxy;
    }

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
        try
        {
            return targetMethod.Invoke(target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
