using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace QppOrleans.Bench;

/// <summary>Every request's latency by kind, and answers by status, collected from many workers.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public TimeSpan Elapsed => clock.Elapsed;

    public int Requests => statuses.Values.Sum();

    public async Task<HttpResponseMessage> TimeAsync(string kind, Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await send();
            await response.Content.LoadIntoBufferAsync();
        }
        catch (HttpRequestException)
        {
            statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
            throw;
        }

        latencies.GetOrAdd(kind, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        return response;
    }

    public void Restart() => clock.Restart();

    public Dictionary<string, Latencies> ByKind() =>
        latencies.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => Latencies.Of([.. k.Value], clock.Elapsed));

    public Latencies All() => Latencies.Of([.. latencies.Values.SelectMany(v => v)], clock.Elapsed);

    /// <summary>Answers by HTTP status (0: no answer at all).</summary>
    public Dictionary<string, int> Statuses() => statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key == 0 ? "no-answer" : ((HttpStatusCode)s.Key).ToString(), s => s.Value);

    public int ServerErrors => statuses.Where(s => s.Key >= 500 || s.Key == 0).Sum(s => s.Value);
}
