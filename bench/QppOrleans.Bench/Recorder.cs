using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace QppOrleans.Bench;

/// <summary>Every request's latency by kind, answers by status, and when each was sent and answered, collected from many workers.</summary>
internal sealed class Recorder
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> latencies = new();
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly ConcurrentBag<Interval> answers = [];
    private readonly Stopwatch clock = Stopwatch.StartNew();

    /// <summary>A request (or a flow) from when it was sent to when it was answered, on <see cref="Elapsed"/>'s clock; not <see cref="Succeeded"/>: no answer, or not a 2xx.</summary>
    public sealed record Interval(TimeSpan Start, TimeSpan End, bool Succeeded);

    public TimeSpan Elapsed => clock.Elapsed;

    public int Requests => statuses.Values.Sum();

    /// <summary>Every request answered so far, with or without an answer.</summary>
    public IReadOnlyCollection<Interval> Answers => answers;

    public async Task<HttpResponseMessage> TimeAsync(string kind, Func<Task<HttpResponseMessage>> send)
    {
        var started = Stopwatch.GetTimestamp();
        var sentAt = clock.Elapsed;
        HttpResponseMessage response;
        try
        {
            response = await send();
            await response.Content.LoadIntoBufferAsync();
        }
        catch (HttpRequestException)
        {
            answers.Add(new Interval(sentAt, clock.Elapsed, Succeeded: false));
            statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
            throw;
        }

        answers.Add(new Interval(sentAt, clock.Elapsed, response.IsSuccessStatusCode));
        latencies.GetOrAdd(kind, _ => []).Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
        return response;
    }

    public void Restart()
    {
        clock.Restart();
        answers.Clear();
    }

    public Dictionary<string, Latencies> ByKind() =>
        latencies.OrderBy(k => k.Key, StringComparer.Ordinal).ToDictionary(k => k.Key, k => Latencies.Of([.. k.Value], clock.Elapsed));

    public Latencies All() => Latencies.Of([.. latencies.Values.SelectMany(v => v)], clock.Elapsed);

    /// <summary>Answers by HTTP status (0: no answer at all).</summary>
    public Dictionary<string, int> Statuses() => statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key == 0 ? "no-answer" : ((HttpStatusCode)s.Key).ToString(), s => s.Value);

    public int ServerErrors => statuses.Where(s => s.Key >= 500 || s.Key == 0).Sum(s => s.Value);
}
