namespace QppOrleans.Bench;

/// <summary>
/// Portal reads: connected organizations, the registration record and the overview, in turn, by
/// the people of a surge, with a fixed number of requests in flight.
/// </summary>
internal static class ReadsScenario
{
    public static async Task<object> RunAsync(HttpClient http, string label, IReadOnlyList<(string Token, string RegistrationPath)> people, int year, int concurrency, int requests)
    {
        var recorder = new Recorder();
        var done = 0;
        await using (new Progress(label, requests, () => done))
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (k, _) =>
            {
                var (token, registration) = people[k % people.Count];
                var (kind, path) = (k % 3) switch
                {
                    0 => ("me-organizations", "/api/me/organizations"),
                    1 => ("registration", registration),
                    _ => ("overview", $"/api/registrations/{year}"),
                };
                using var response = await recorder.TimeAsync(kind, () => http.SendAsync(SurgeScenario.Authorized(HttpMethod.Get, path, token, null)));
                Interlocked.Increment(ref done);
            });
        }

        var all = recorder.All();
        return new { target = label, concurrency, requests, requestsPerSecond = Math.Round(all.PerSecond), latency = all, byRequest = recorder.ByKind(), statuses = recorder.Statuses() };
    }
}
