using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Resilience;

/// <summary>
/// The deadline surge of bench/ (set the size, add a contact, register both programs, read the
/// overview) for Security Officials prepared through the public API, driven the way portal users
/// behave when the service stumbles: a request that gets no answer or a 5xx is sent again, with
/// the same <c>Idempotency-Key</c>. Every answer is recorded; every acknowledged write is kept
/// for checking afterwards.
/// </summary>
internal sealed class SurgeLoad(ProcessCluster cluster, IReadOnlyList<SurgeLoad.Person> people)
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(3);
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public sealed record Person(string UserId, string Tin, string Token)
    {
        public string Base => $"/api/registrations/{ProcessCluster.Year}/practice/{Tin}";

        public string ContactEmail => $"contact-{UserId}@surge.example.org";
    }

    /// <summary>An answer (status 0: none, the connection failed or timed out) and when it came.</summary>
    /// <summary>An answer (status 0: none) at <paramref name="At"/>, to a request sent <paramref name="Took"/> before.</summary>
    public sealed record Answer(TimeSpan At, string Kind, int Status, TimeSpan Took)
    {
        public TimeSpan Sent => At - Took;
    }

    /// <summary>One person's flow, from its first request to the answer of its last.</summary>
    public sealed record Flow(TimeSpan Started, TimeSpan Ended);

    public IReadOnlyList<Person> People => people;

    public ConcurrentQueue<Answer> Answers { get; } = new();

    public ConcurrentQueue<Flow> Flows { get; } = new();

    /// <summary>Registration ids the service acknowledged, by <c>{tin}/{program}</c>.</summary>
    public ConcurrentDictionary<string, string> Registered { get; } = new();

    /// <summary>Contact ids the service acknowledged, by TIN.</summary>
    public ConcurrentDictionary<string, string> Contacts { get; } = new();

    public TimeSpan Now => clock.Elapsed;

    /// <summary>Imports a practice for each person, opens their accounts and makes each the first Security Official.</summary>
    public static async Task<SurgeLoad> PrepareAsync(ProcessCluster cluster, int count)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        using var anonymous = cluster.Client();
        using var operatorClient = cluster.Client(cluster.Tokens.Issue(ProcessCluster.Operator, 0, provisionedOperator: true).AccessToken);
        var practices = Enumerable.Range(0, count).Select(i => (Tin: $"7{i:D8}", Npi: AccessWorld.NewNpi(), Ptan: $"SG{i:D6}")).ToList();
        var lines = practices.Select(p => JsonSerializer.Serialize(new
        {
            kind = "practice", tin = p.Tin, name = $"Surge Practice {p.Tin}", address1 = "1 Main St", city = "Baltimore", state = "MD", zip = "21239",
            clinicians = new[] { new { npi = p.Npi, ptan = p.Ptan, firstName = "Ann", lastName = "Lee" } },
        }));
        using var import = new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson");
        (await operatorClient.PostAsync("/api/admin/directory", import)).EnsureSuccessStatusCode();

        var people = new Person[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, cancel) =>
        {
            var userId = $"so-{run}-{i}";
            await OpenAccountAsync(anonymous, userId);
            var person = people[i] = new Person(userId, practices[i].Tin, cluster.Tokens.Issue(userId, 0).AccessToken);
            using var http = cluster.Client(person.Token);
            using var response = await http.PostAsJsonAsync("/api/access-requests", new
            {
                orgType = "practice",
                items = new[] { new { orgId = person.Tin, role = "security-official", validation = new { tin = person.Tin, npi = practices[i].Npi, ptan = practices[i].Ptan } } },
            }, cancel);
            var text = await response.Content.ReadAsStringAsync(cancel);
            Assert.True(response.IsSuccessStatusCode, $"access request of {userId}: {(int)response.StatusCode} {text}");
            Assert.Equal("approved", JsonDocument.Parse(text).RootElement.GetProperty("results")[0].GetProperty("status").GetString());
        });
        return new SurgeLoad(cluster, people);
    }

    /// <summary>Runs the flows of <paramref name="range"/> of the people, <paramref name="concurrency"/> at a time.</summary>
    public async Task RunAsync(Range range, int concurrency)
    {
        using var http = cluster.Client();
        await Parallel.ForEachAsync(people.Take(range), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (person, _) => await FlowAsync(http, person));
    }

    /// <summary>Portal reads of people whose flows are done, until <paramref name="stop"/>.</summary>
    public async Task ReadAsync(int concurrency, CancellationToken stop)
    {
        using var http = cluster.Client();
        var done = people.Where(p => Registered.ContainsKey($"{p.Tin}/cahps")).ToList();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            for (var i = worker; !stop.IsCancellationRequested; i += concurrency)
            {
                var person = done[i % done.Count];
                await StepAsync(http, "get-registration", person, HttpMethod.Get, person.Base, null, null);
                await StepAsync(http, "get-connections", person, HttpMethod.Get, "/api/me/organizations", null, null);
            }
        }));
    }

    /// <summary>Answers that were failures (no answer or 5xx).</summary>
    public IReadOnlyList<Answer> Failures(TimeSpan? since = null) =>
        Answers.Where(a => (a.Status is 0 or >= 500) && a.At >= (since ?? TimeSpan.Zero)).OrderBy(a => a.At).ToList();

    /// <summary>
    /// Reads every person's registration back and lists what does not match what was acknowledged:
    /// the same registration id, both programs registered, the acknowledged contact present.
    /// </summary>
    public async Task<(List<string> Mismatches, List<string> RegistrationIds)> ReadBackAsync()
    {
        using var http = cluster.Client();
        var mismatches = new ConcurrentBag<string>();
        var ids = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (person, _) =>
        {
            var record = await StepAsync(http, "read-back", person, HttpMethod.Get, person.Base, null, null);
            var id = record.TryGetProperty("registrationId", out var held) ? held.GetString() : null;
            if (id is not null)
            {
                ids.Add(id);
            }

            foreach (var program in new[] { "web-interface", "cahps" })
            {
                var registered = record.GetProperty(program == "cahps" ? "cahps" : "webInterface").GetProperty("registered").GetBoolean();
                if (Registered.TryGetValue($"{person.Tin}/{program}", out var acknowledged) && (!registered || acknowledged != id))
                {
                    mismatches.Add($"{person.Tin}: {program} acknowledged with {acknowledged}, stored: registered={registered}, id={id}");
                }
            }

            if (Contacts.TryGetValue(person.Tin, out var contactId)
                && !record.GetProperty("contacts").EnumerateArray().Any(c => c.GetProperty("contactId").GetString() == contactId))
            {
                mismatches.Add($"{person.Tin}: acknowledged contact {contactId} is missing");
            }
        });
        return ([.. mismatches], [.. ids]);
    }

    /// <summary>R-9: acknowledged registrations whose contact never got the email naming it.</summary>
    public List<string> RegistrationsWithoutEmail()
    {
        var messages = cluster.Smtp.Messages();
        return Registered
            .Where(r =>
            {
                var person = people.Single(p => r.Key.StartsWith(p.Tin + "/", StringComparison.Ordinal));
                var program = r.Key.EndsWith("/cahps", StringComparison.Ordinal) ? "CAHPS for MIPS Survey" : "CMS Web Interface";
                return !messages.Any(m =>
                    m.To.Mailboxes.Any(to => to.Address == person.ContactEmail)
                    && (m.Subject ?? "").Contains(program, StringComparison.Ordinal)
                    && (m.TextBody ?? "").Contains($"Registration ID: {r.Value}", StringComparison.Ordinal));
            })
            .Select(r => $"{r.Key} ({r.Value})")
            .ToList();
    }

    private async Task FlowAsync(HttpClient http, Person person)
    {
        var started = clock.Elapsed;
        await StepAsync(http, "put-size", person, HttpMethod.Put, $"{person.Base}/size", new { size = "25-99" }, null);
        var contact = await StepAsync(http, "post-contact", person, HttpMethod.Post, $"{person.Base}/contacts",
            new { firstName = "Jane", lastName = "Doe", email = person.ContactEmail, phone = "4105550123" }, $"contact-{person.Tin}");
        Contacts[person.Tin] = contact.GetProperty("contactId").GetString()!;
        foreach (var program in new[] { "web-interface", "cahps" })
        {
            var registered = await StepAsync(http, "post-program", person, HttpMethod.Post, $"{person.Base}/programs/{program}", null, $"{program}-{person.Tin}", "already-registered");
            if (registered.ValueKind == JsonValueKind.Object)
            {
                Registered[$"{person.Tin}/{program}"] = registered.GetProperty("registrationId").GetString()!;
            }
        }

        await StepAsync(http, "get-overview", person, HttpMethod.Get, $"/api/registrations/{ProcessCluster.Year}", null, null);
        Flows.Enqueue(new Flow(started, clock.Elapsed));
    }

    /// <summary>
    /// Sends until the service answers 2xx (the body) or a 409 with one of <paramref name="settledCodes"/>
    /// (nothing). No answer, a 5xx or a 409 <c>request-in-progress</c> is retried; any other answer fails the test.
    /// </summary>
    private async Task<JsonElement> StepAsync(
        HttpClient http, string kind, Person person, HttpMethod method, string path, object? body, string? idempotencyKey, params string[] settledCodes)
    {
        var giveUp = clock.Elapsed + GiveUpAfter;
        while (true)
        {
            int status;
            var text = "";
            var sent = clock.Elapsed;
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
                request.Headers.Authorization = new("Bearer", person.Token);
                if (idempotencyKey is not null)
                {
                    request.Headers.Add("Idempotency-Key", idempotencyKey);
                }

                using var response = await http.SendAsync(request);
                status = (int)response.StatusCode;
                text = await response.Content.ReadAsStringAsync();
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                status = 0;
            }

            Answers.Enqueue(new Answer(clock.Elapsed, kind, status, clock.Elapsed - sent));
            var code = status >= 400 && text.Length > 0 ? JsonDocument.Parse(text).RootElement.GetProperty("code").GetString() : null;
            if (status is >= 200 and < 300)
            {
                return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            }

            if (status == 409 && settledCodes.Contains(code))
            {
                return default;
            }

            if ((status is 0 or >= 500 || code == "request-in-progress") && clock.Elapsed < giveUp)
            {
                await Task.Delay(250);
                continue;
            }

            throw new InvalidOperationException($"{kind} {path}: {status} {text}");
        }
    }

    private static async Task OpenAccountAsync(HttpClient anonymous, string userId)
    {
        var response = await anonymous.PostAsJsonAsync("/api/accounts", new { userId, password = "Surge-Password-2026", firstName = "Sam", lastName = "Surge", email = $"{userId}@surge.example.org" });
        Assert.True(response.IsSuccessStatusCode, $"account {userId}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
