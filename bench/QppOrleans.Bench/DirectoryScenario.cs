using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Api.Directory;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Bench;

/// <summary>
/// Issue 5's benchmark: import a synthetic directory through <c>POST /api/admin/directory</c>
/// (throughput, server memory), then type-ahead name searches in a closed loop (throughput,
/// latency). Baselines measured in the same run: reading and validating the same file in this
/// process without any service, and with <c>--baseline</c> the same searches against a minimal
/// endpoint answering a full page of the same JSON shape (<see cref="BaselineServer"/>).
/// </summary>
internal static class DirectoryScenario
{
    public static async Task<object> RunAsync(Uri url, int practices, int clinicians, LoopSettings searches, int rounds, bool baseline, ServerProcess? server, TimeSpan settle)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qpp-bench-directory-{practices}-{clinicians}.ndjson");
        var generator = new DirectoryGenerator(practices, clinicians);
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16))
        {
            await generator.WriteAsync(writer);
        }

        var bytes = new FileInfo(file).Length;
        await Console.Error.WriteLineAsync($"directory file: {generator.Written:N0} organizations, {bytes / 1048576.0:F0} MiB");

        var parse = Stopwatch.StartNew();
        var parsed = 0;
#pragma warning disable CA1849 // The baseline is the fastest a process reads and checks the file: synchronously, line by line.
        foreach (var line in File.ReadLines(file))
#pragma warning restore CA1849
        {
            parsed += DirectoryRecord.TryRead(line, out _, out _) ? 1 : 0;
        }

        var parseRate = parsed / parse.Elapsed.TotalSeconds;

        using var anonymous = new HttpClient { BaseAddress = url };
        using var operatorClient = await new PortalClient(anonymous).SignInAsOperatorAsync(url);
        var memoryBefore = server?.Memory();
        var cpuBefore = server?.CpuSeconds() ?? 0;
        var peak = 0.0;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested && server is not null)
            {
                peak = Math.Max(peak, server.Memory().Rss);
                await Task.Delay(250, CancellationToken.None);
            }
        });

#pragma warning disable CA2000 // The progress stream owns the file and closes it with itself.
        await using var body = new ProgressStream(File.OpenRead(file), "import");
#pragma warning restore CA2000
        using var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var import = Stopwatch.StartNew();
        var response = await operatorClient.PostAsync("/api/admin/directory", content);
        import.Stop();
        await sampling.CancelAsync();
        await sampler;
        response.EnsureSuccessStatusCode();
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        await Console.Error.WriteLineAsync();
        var imported = report.GetProperty("created").GetInt64() + report.GetProperty("updated").GetInt64() + report.GetProperty("unchanged").GetInt64();
        var importCpu = (server?.CpuSeconds() ?? 0) - cpuBefore;

        var names = (await File.ReadAllLinesAsync(file)).Take(Math.Min(practices, 5000))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("name").GetString()!).ToArray();
        var random = new Random(7);
        var queries = Enumerable.Range(0, 10_000).Select(_ => TypeAhead(names[random.Next(names.Length)], random)).ToArray();
        var token = operatorClient.DefaultRequestHeaders.Authorization!.Parameter!;
        RequestMix mix = k => ("search", SurgeScenario.Authorized(HttpMethod.Get, $"/api/organizations/search?type=practice&q={Uri.EscapeDataString(queries[k % queries.Length])}", token, null));
        var answers = await AnswerSizesAsync(operatorClient, mix);

        // Whatever the import leaves the server doing would otherwise be measured as search cost.
        ServerProcess[] servers = server is null ? [] : [server];
        var settled = await Settle.WaitAsync(servers, settle, TimeSpan.FromSeconds(240));

        await using var minimal = baseline ? await BaselineServer.StartAsync() : null;
        using var baselineHttp = minimal is null ? null : ClosedLoop.Client(minimal.Url);
        using var http = ClosedLoop.Client(url);
        var searchRounds = await Round.RunAsync(
            rounds,
            searches,
            new LoopTarget("type-ahead search", "service", http, mix, servers),
            null,
            baselineHttp is null ? null : new LoopTarget("type-ahead search", "baseline", baselineHttp, mix, [minimal!.Server]));

        return new
        {
            scenario = "directory",
            settledSeconds = settled,
            practices,
            clinicians,
            organizationsInFile = generator.Written,
            organizations = imported,
            fileMiB = Math.Round(bytes / 1048576.0, 1),
            import = new
            {
                seconds = Math.Round(import.Elapsed.TotalSeconds, 1),
                practicesPerSecond = Math.Round(practices / import.Elapsed.TotalSeconds),
                organizationsPerSecond = Math.Round(imported / import.Elapsed.TotalSeconds),
                serverCpuSeconds = Math.Round(importCpu, 1),
                serverRssBeforeMiB = memoryBefore is { } m ? Math.Round(m.Rss) : (double?)null,
                serverPeakRssMiB = server is null ? (double?)null : Math.Round(Math.Max(peak, server.Memory().Peak)),
                rejected = report.GetProperty("rejected").GetInt64(),
            },
            baselineParse = new { linesPerSecond = Math.Round(parseRate), importToParseRatio = Math.Round(imported / import.Elapsed.TotalSeconds / parseRate, 3) },
            search = new { answers.Sampled, answers.MeanResults, answers.Empty, summary = Round.Summary(searchRounds), rounds = searchRounds },
        };
    }

    /// <summary>What a person has typed so far: the start of one word, or a whole word and the start of the next.</summary>
    private static string TypeAhead(string name, Random random)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var first = random.Next(words.Length);
        var word = words[first];
        return random.Next(3) == 0 && first + 1 < words.Length
            ? $"{word} {words[first + 1][..Math.Min(words[first + 1].Length, 1 + random.Next(4))]}"
            : word[..Math.Min(word.Length, 2 + random.Next(4))];
    }

    /// <summary>How many organizations the service's answers hold, over the first 200 queries.</summary>
    private static async Task<(int Sampled, double MeanResults, int Empty)> AnswerSizesAsync(HttpClient http, RequestMix mix)
    {
        var sizes = new List<int>();
        for (var k = 0; k < 200; k++)
        {
            using var request = mix(k).Request;
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            sizes.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetArrayLength());
        }

        return (sizes.Count, Math.Round(sizes.Average(), 1), sizes.Count(n => n == 0));
    }
}
