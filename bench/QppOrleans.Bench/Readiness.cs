using System.Diagnostics;

namespace QppOrleans.Bench;

/// <summary>
/// Waits for the service to report ready (<c>GET /health/ready</c>) before anything is prepared,
/// so that the tool can be started together with the service, as BENCHMARKS.md does.
/// </summary>
internal static class Readiness
{
    public static async Task WaitAsync(Uri url, TimeSpan atMost)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(5) };
        var waited = Stopwatch.StartNew();
        Console.Error.Write($"waiting for {url} to be ready");
        while (true)
        {
            string reason;
            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine();
                    return;
                }

                reason = $"/health/ready answered {(int)response.StatusCode}";
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                reason = exception.Message;
            }

            if (waited.Elapsed >= atMost)
            {
                throw new HttpRequestException($"the service was not ready within {atMost.TotalSeconds:0} s ({reason}).");
            }

            Console.Error.Write('.');
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
