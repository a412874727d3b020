using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Bench;

/// <summary>
/// Issue 5's benchmark: import a synthetic directory through <c>POST /api/admin/directory</c>
/// (throughput, server memory), then type-ahead name searches (latency). Baselines measured in
/// the same run: reading and validating the same file in this process without any service, and
/// <c>GET /health/live</c> on the same server for latency.
/// </summary>
internal static class DirectoryScenario
{
    public static async Task<object> RunAsync(Uri url, int practices, int clinicians, int searches, ServerProcess? server)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qpp-bench-directory-{practices}-{clinicians}.ndjson");
        var generator = new DirectoryGenerator(practices, clinicians);
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false), 1 << 16))
        {
            await generator.WriteAsync(writer);
        }

        var bytes = new FileInfo(file).Length;
        Console.Error.WriteLine($"directory file: {generator.Written:N0} organizations, {bytes / 1048576.0:F0} MiB");

        var parse = Stopwatch.StartNew();
        var parsed = 0;
        foreach (var line in File.ReadLines(file))
        {
            parsed += DirectoryRecord.TryRead(line, out _, out _) ? 1 : 0;
        }

        var parseRate = parsed / parse.Elapsed.TotalSeconds;

        using var anonymous = new HttpClient { BaseAddress = url };
        using var operatorClient = await new PortalClient(anonymous).SignInAsync("qpp-operator", url);
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

        await using var body = new ProgressStream(File.OpenRead(file), "import");
        using var content = new StreamContent(body, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var import = Stopwatch.StartNew();
        var response = await operatorClient.PostAsync("/api/admin/directory", content);
        import.Stop();
        await sampling.CancelAsync();
        await sampler;
        response.EnsureSuccessStatusCode();
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Console.Error.WriteLine();
        var imported = report.GetProperty("created").GetInt64() + report.GetProperty("updated").GetInt64() + report.GetProperty("unchanged").GetInt64();
        var importCpu = (server?.CpuSeconds() ?? 0) - cpuBefore;

        var names = File.ReadLines(file).Take(Math.Min(practices, 5000))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("name").GetString()!).ToArray();
        var random = new Random(7);
        var queries = Enumerable.Range(0, searches).Select(_ => TypeAhead(names[random.Next(names.Length)], random)).ToArray();
        var search = await TimeAsync(operatorClient, queries.Select(q => $"/api/organizations/search?type=practice&q={Uri.EscapeDataString(q)}"), "search");
        var live = await TimeAsync(operatorClient, Enumerable.Repeat("/health/live", searches), "baseline");

        return new
        {
            scenario = "directory",
            practices,
            clinicians,
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
            search,
            baselineHealthLive = live,
            searchP99ToBaselineP99 = Math.Round(search.P99 / Math.Max(live.P99, 0.001), 2),
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

    private static async Task<Latencies> TimeAsync(HttpClient http, IEnumerable<string> urls, string label)
    {
        var list = urls.ToList();
        var times = new List<double>(list.Count);
        var all = Stopwatch.StartNew();
        for (var i = 0; i < list.Count; i++)
        {
            var one = Stopwatch.StartNew();
            using var response = await http.GetAsync(list[i]);
            await response.Content.ReadAsByteArrayAsync();
            response.EnsureSuccessStatusCode();
            times.Add(one.Elapsed.TotalMilliseconds);
            if (i % 100 == 0)
            {
                Console.Error.Write($"\r{label}: {i:N0} of {list.Count:N0}");
            }
        }

        Console.Error.WriteLine($"\r{label}: {list.Count:N0} of {list.Count:N0}");
        return Latencies.Of(times, all.Elapsed);
    }
}
