using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Bench;

/// <summary>
/// The deadline surge: N Security Officials each sign in (password, Statement of Truth, code),
/// set the size, add a contact, register both programs and read the overview. It prepares its
/// own practices (a TIN range of this run) and accounts through the public API first; with
/// <c>presigned</c> the people sign in while being prepared, so the timed phase is the
/// registration work alone (the slow password hash bounds sign-ins per second). Closed
/// loop (a fixed number of people at once) or open loop (people arrive at a fixed rate).
/// Afterwards every acknowledged registration is read back and the ids checked for uniqueness.
/// </summary>
internal sealed class SurgeScenario(Uri url, int people, int concurrency, double? arrivalsPerSecond, int year, bool presigned) : IDisposable
{
    private readonly int run = Random.Shared.Next(10, 99);
    private readonly HttpClient http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }) { BaseAddress = url, Timeout = TimeSpan.FromMinutes(5) };
    private readonly ConcurrentDictionary<int, string> tokens = new();
    private readonly ConcurrentDictionary<int, string> registrationIds = new();

    public IReadOnlyDictionary<int, string> Tokens => tokens;

    /// <summary>When the timed flows began and the last of them ended (the read-back is not in it).</summary>
    public (DateTimeOffset From, DateTimeOffset To) Timed { get; private set; }

    public int CompletedFlows { get; private set; }

    public void Dispose() => http.Dispose();

    public string Tin(int i) => $"9{run:D2}{i:D6}";

    public string Base(int i) => $"/api/registrations/{year}/practice/{Tin(i)}";

    public async Task PrepareAsync()
    {
        var portal = new PortalClient(http);
        using var operatorClient = await portal.SignInAsOperatorAsync(url);
        var lines = Enumerable.Range(0, people).Select(i => JsonSerializer.Serialize(new
        {
            kind = "practice", tin = Tin(i), name = $"Surge {run} Practice {i}", address1 = $"{i} Main St", city = "Baltimore", state = "MD", zip = "21239",
            clinicians = new[] { new { npi = Npi(i), ptan = Ptan(i), firstName = "Ann", lastName = "Lee" } },
        }));
        using var content = new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson");
        (await operatorClient.PostAsync("/api/admin/directory", content)).EnsureSuccessStatusCode();

        var prepared = 0;
        await using (new Progress("prepare accounts and Security Officials", people, () => prepared))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancel) =>
            {
                await portal.CreateAccountAsync(User(i));
                var token = tokens[i] = await portal.TokenAsync(User(i), null);
                using var request = PortalClient.From(User(i), HttpMethod.Post, "/api/access-requests", new
                {
                    orgType = "practice", items = new[] { new { orgId = Tin(i), role = "security-official", validation = new { tin = Tin(i), npi = Npi(i), ptan = Ptan(i) } } },
                });
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var answer = await (await http.SendAsync(request, cancel)).Content.ReadFromJsonAsync<JsonElement>(cancel);
                if (answer.GetProperty("results")[0].GetProperty("status").GetString() != "approved")
                {
                    throw new InvalidOperationException($"Preparing person {i} failed: {answer}");
                }

                Interlocked.Increment(ref prepared);
            });
        }
    }

    /// <summary>The timed surge; with <paramref name="chaos"/>, one server process is killed during it (not counted in the CPU afterwards).</summary>
    public async Task<object> RunAsync(Recorder recorder, ServerProcess[] servers, Chaos? chaos)
    {
        var portal = new PortalClient(http);
        var completed = 0;
        var failed = 0;
        var flows = new ConcurrentBag<Recorder.Interval>();
        var cpuBefore = servers.Sum(s => s.CpuSeconds());
        var victimCpu = 0.0;
        recorder.Restart();
        var timedFrom = DateTimeOffset.UtcNow;
        var surge = new TaskCompletionSource();
        var killing = chaos?.KillDuringAsync(recorder, surge.Task, () => victimCpu = servers.Where(s => s.Pid == chaos.Pid).Sum(s => s.CpuSeconds()));
        await using (new Progress(arrivalsPerSecond is null ? $"surge, {concurrency} at once" : $"surge, {arrivalsPerSecond}/s arriving", people, () => completed + failed))
        {
            async Task One(int i)
            {
                var started = recorder.Elapsed;
                try
                {
                    await FlowAsync(i, portal, recorder);
                    flows.Add(new Recorder.Interval(started, recorder.Elapsed, Succeeded: true));
                    Interlocked.Increment(ref completed);
                }
                catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or JsonException)
                {
                    flows.Add(new Recorder.Interval(started, recorder.Elapsed, Succeeded: false));
                    Interlocked.Increment(ref failed);
                }
            }

            if (arrivalsPerSecond is { } rate)
            {
                var arrivals = new List<Task>();
                var started = Stopwatch.StartNew();
                for (var i = 0; i < people; i++)
                {
                    var due = TimeSpan.FromSeconds(i / rate) - started.Elapsed;
                    if (due > TimeSpan.Zero)
                    {
                        await Task.Delay(due);
                    }

                    arrivals.Add(One(i));
                }

                await Task.WhenAll(arrivals);
            }
            else
            {
                await Parallel.ForEachAsync(Enumerable.Range(0, people), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) => await One(i));
            }
        }

        var elapsed = recorder.Elapsed;
        (Timed, CompletedFlows) = ((timedFrom, DateTimeOffset.UtcNow), completed);
        surge.SetResult();
        if (killing is not null)
        {
            await killing;
        }

        var killed = chaos?.KilledAt is null ? null : chaos;
        var cpu = servers.Where(s => s.Pid != killed?.Pid).Sum(s => s.CpuSeconds()) + (killed is null ? 0 : victimCpu) - cpuBefore;
        var verified = await VerifyAsync();
        return new
        {
            scenario = "surge",
            people,
            mode = arrivalsPerSecond is null ? $"closed loop, {concurrency} at once" : $"open loop, {arrivalsPerSecond} arrivals/s",
            signIn = presigned ? "before the timed phase" : "in each flow",
            seconds = Math.Round(elapsed.TotalSeconds, 1),
            completedFlows = completed,
            failedFlows = failed,
            organizationsRegisteredPerSecond = Math.Round(registrationIds.Count / elapsed.TotalSeconds, 1),
            programRegistrationsPerSecond = Math.Round(2 * registrationIds.Count / elapsed.TotalSeconds, 1),
            requests = recorder.Requests,
            requestsPerSecond = Math.Round(recorder.Requests / elapsed.TotalSeconds),
            serverErrors = recorder.ServerErrors,
            statuses = recorder.Statuses(),
            latency = recorder.All(),
            byRequest = recorder.ByKind(),
            serverCpuSeconds = Math.Round(cpu, 1),
            serverCpuCoresBusy = Math.Round(cpu / elapsed.TotalSeconds, 2),
            serverMemory = servers.Where(s => s.Pid != killed?.Pid).Select(s => s.Memory()).Select(m => new { rssMiB = Math.Round(m.Rss), peakMiB = Math.Round(m.Peak) }).ToArray(),
            readBack = verified,
            chaos = chaos?.Report(recorder.Answers, flows),
        };
    }

    private async Task FlowAsync(int i, PortalClient portal, Recorder recorder)
    {
        var token = presigned ? tokens[i] : tokens[i] = await portal.TokenAsync(User(i), recorder);
        var user = User(i);
        await Send(recorder, "put-size", user, HttpMethod.Put, $"{Base(i)}/size", token, new { size = "25-99" });
        await Send(recorder, "post-contact", user, HttpMethod.Post, $"{Base(i)}/contacts", token, new { firstName = "Jane", lastName = "Doe", email = $"contact-{run}-{i}@bench.example.org", phone = "4105550123" });
        var first = await Send(recorder, "post-program", user, HttpMethod.Post, $"{Base(i)}/programs/web-interface", token, null);
        await Send(recorder, "post-program", user, HttpMethod.Post, $"{Base(i)}/programs/cahps", token, null);
        await Send(recorder, "get-overview", user, HttpMethod.Get, $"/api/registrations/{year}", token, null);
        registrationIds[i] = first.GetProperty("registrationId").GetString()!;
    }

    /// <summary>Reads every acknowledged registration back and checks both programs and the id; ids must be unique.</summary>
    private async Task<object> VerifyAsync()
    {
        var missing = 0;
        await Parallel.ForEachAsync(registrationIds, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (pair, cancel) =>
        {
            using var request = Authorized(HttpMethod.Get, Base(pair.Key), tokens[pair.Key], null);
            var record = await (await http.SendAsync(request, cancel)).Content.ReadFromJsonAsync<JsonElement>(cancel);
            if (record.ValueKind != JsonValueKind.Object || record.GetProperty("registrationId").GetString() != pair.Value
                || !record.GetProperty("webInterface").GetProperty("registered").GetBoolean() || !record.GetProperty("cahps").GetProperty("registered").GetBoolean())
            {
                Interlocked.Increment(ref missing);
            }
        });
        return new { acknowledged = registrationIds.Count, presentAfterwards = registrationIds.Count - missing, distinctRegistrationIds = registrationIds.Values.Distinct().Count() };
    }

    /// <summary>A request of the person <paramref name="user"/>, from their own address (see <see cref="PortalClient"/>).</summary>
    private async Task<JsonElement> Send(Recorder recorder, string kind, string user, HttpMethod method, string path, string token, object? body)
    {
        var response = await recorder.TimeAsync(kind, () =>
        {
            var request = PortalClient.From(user, method, path, body);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return http.SendAsync(request);
        });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{kind}: {(int)response.StatusCode}");
        }

        return response.Content.Headers.ContentLength is 0 ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static HttpRequestMessage Authorized(HttpMethod method, string path, string token, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    private string User(int i) => $"surge-{run}-{i}";

    private string Npi(int i)
    {
        var firstNine = $"7{run:D2}{i:D6}";
        return firstNine + QppOrleans.Grains.Abstractions.Directory.Npi.CheckDigit(firstNine).ToString(CultureInfo.InvariantCulture);
    }

    private static string Ptan(int i) => $"S{i:D7}";
}
