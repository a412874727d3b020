using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Accounts;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The API as the README's run command starts it (Development, embedded silo, SQLite file,
/// development mail sink), hosted in the test process on a real loopback port. The rules' clock
/// (<see cref="DomainClock"/>) is a fake the tests move; every log line is captured.
/// </summary>
public class ApiFixture : IAsyncLifetime
{
    public const string Operator = "qpp-operator";

    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("qpp-api-").FullName;

    /// <summary>The embedded data file the API keeps its state in.</summary>
    public string DataFile => Path.Combine(directory, "qpp.db");

    /// <summary>The host environment the API runs in.</summary>
    protected virtual string Environment => "Development";

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public FakeLogCollector Logs { get; } = new();

    /// <summary>
    /// Requests a client, and an account, may make per window under each throttle policy: many, so
    /// that tests do not trip over the limits; a test of the limits lowers it, and null keeps the
    /// shipped limits.
    /// </summary>
    protected virtual int? Permits => 100_000;

    /// <summary>Settings a variant adds (e.g. a PostgreSQL connection string), prepared before the API starts.</summary>
    protected virtual Task<Dictionary<string, string?>> PrepareAsync() => Task.FromResult(new Dictionary<string, string?>());

    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        var extra = await PrepareAsync();
        App = QppApi.Build(
            ["--contentRoot", Path.GetDirectoryName(Repository.ApiDll)!, "--environment", Environment, "--urls", BaseAddress.ToString()],
            builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Embedded:DataFile"] = DataFile,
                    ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["Access:Operators:0"] = Operator,
                    ["Logging:LogLevel:Default"] = "Debug",
                    ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
                    ["Logging:LogLevel:Orleans"] = "Information",
                    ["Directory:DevelopmentPractices"] = "0",
                    [CheapPasswords.Key] = CheapPasswords.Iterations,
                });
                if (Permits is { } permits)
                {
                    builder.Configuration.AddInMemoryCollection(
                        from policy in new[] { "SignIn", "AccountCreation", "PasswordReset", "AccessRequests", "RegistrationWrites" }
                        from partition in new[] { "PerClient", "PerAccount" }
                        select KeyValuePair.Create($"RateLimits:{policy}:{partition}", (string?)permits.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }

                builder.Configuration.AddInMemoryCollection(extra);
                builder.Services.AddKeyedSingleton<TimeProvider>(DomainClock.Key, Clock);
                builder.Logging.AddProvider(new FakeLoggerProvider(Logs));
            });
        await QppApi.StartAsync(App);
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>
    /// A client carrying a token issued to <paramref name="userId"/> as sign-in issues them; the
    /// account is opened first when there is none (tokens of absent accounts are refused).
    /// </summary>
    public HttpClient SignedIn(string userId)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IssueToken(userId));
        return client;
    }

    public string IssueToken(string userId) => Task.Run(async () =>
    {
        var account = Grains.GetGrain<IUserGrain>(GrainKeys.User(AccountInput.NormalizeUserId(userId)));
        if (await account.SessionAsync() is null)
        {
            await account.CreateAsync(new NewAccount(userId, "Fixture-Password-1", "Fixture", "User", $"{userId}@fixture.example", null));
        }

        var session = (await account.SessionAsync())!;
        return App.Services.GetRequiredService<AccessTokens>().Issue(userId, session.SessionEpoch, await account.IsOperatorAsync()).AccessToken;
    }).GetAwaiter().GetResult();

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        await CleanUpAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(directory, recursive: true);
    }
}
