using System.Diagnostics;

namespace QppOrleans.Bench;

/// <summary>
/// Waits for a server to answer <c>GET <paramref name="path"/></c> with success: the service's
/// <c>/health/ready</c> before anything is prepared, so that the tool can be started together with
/// the service as BENCHMARKS.md does, and the baseline's child process once started.
/// </summary>
internal static class Readiness
{
    public static async Task WaitAsync(string name, Uri url, string path, TimeSpan atMost)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        await Console.Error.WriteAsync($"waiting for {name} at {url} to be ready");
        while (true)
        {
            string reason;
            try
            {
                using var response = await http.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    await Console.Error.WriteLineAsync();
                    return;
                }

                reason = $"{path} answered {(int)response.StatusCode}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                reason = exception.Message;
            }

            if (waited.Elapsed >= atMost)
            {
                throw new HttpRequestException($"{name} was not ready within {atMost.TotalSeconds:0} s ({reason}).");
            }

            await Console.Error.WriteAsync('.');
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
