using System.Reflection;
using System.Runtime.ExceptionServices;
using Orleans.Concurrency;
using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains.Runtime;

/// <summary>
/// Sends a grain call again when it certainly did not run — the cluster refused it before it ran
/// (a silo stopping, an activation moving: <see cref="OrleansMessageRejectionException"/>) — or when
/// the silo holding the target went away during a call that may run twice: a
/// <see cref="ReadOnlyAttribute">read-only</see> or <see cref="RepeatableAttribute">repeatable</see> one.
/// This is what lets a silo leave the cluster without failing a request. Other failures, whose
/// outcome is unknown, go to the caller as they are.
/// </summary>
public sealed class TransientCallRetry : IOutgoingGrainCallFilter
{
    private static readonly TimeSpan[] Pauses = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1)];

    public async Task Invoke(IOutgoingGrainCallContext context)
    {
        for (var attempt = 0; ; attempt++)
        {
            Exception? thrown = null;
            try
            {
                await context.Invoke();
            }
#pragma warning disable CA1031 // Not swallowed: kept to decide on a retry, and rethrown as it was when there is none.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                thrown = exception;
            }

            var failure = thrown ?? context.Response?.Exception;
            if (failure is null || attempt == Pauses.Length || !SafeToRepeat(failure, context.InterfaceMethod))
            {
                if (thrown is not null)
                {
                    ExceptionDispatchInfo.Throw(thrown);
                }

                return;
            }

            await Task.Delay(Pauses[attempt]);
        }
    }

    private static bool SafeToRepeat(Exception failure, MethodInfo method) => failure switch
    {
        // A rejection of its own kind: the call may have run when the silo went away.
        SiloUnavailableException => method.GetCustomAttribute<ReadOnlyAttribute>() is not null || method.GetCustomAttribute<RepeatableAttribute>() is not null,
        OrleansMessageRejectionException => true,
        _ => false,
    };
}
