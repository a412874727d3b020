namespace QppOrleans.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Polls <paramref name="probe"/> until it returns true; fails with <paramref name="because"/> after the timeout.</summary>
    public static async Task<TimeSpan> HoldsAsync(Func<Task<bool>> probe, TimeSpan timeout, Func<string> because)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            try
            {
                if (await probe())
                {
                    return started.Elapsed;
                }
            }
#pragma warning disable CA1031 // Waiting out any failure until the timeout is the point; the last one is reported then.
            catch (Exception) when (started.Elapsed < timeout)
#pragma warning restore CA1031
            {
                // Not there yet: a refused connection or a failed call is what we wait out.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Not true within {timeout}: {because()}");
    }
}
