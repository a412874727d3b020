using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Hosting;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The API as the README's run command starts it (Development, embedded silo, SQLite file,
/// development mail sink), hosted in the test process on a real loopback port.
/// </summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public const string Operator = "qpp-operator";

    private readonly string directory = Directory.CreateTempSubdirectory("qpp-api-").FullName;

    public WebApplication App { get; private set; } = null!;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}");

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        App = QppApi.Build(
            ["--contentRoot", Path.GetDirectoryName(Repository.ApiDll)!, "--environment", "Development", "--urls", BaseAddress.ToString()],
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Embedded:DataFile"] = Path.Combine(directory, "qpp.db"),
                ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Access:Operators:0"] = Operator,
            }));
        await QppApi.StartAsync(App);
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    /// <summary>A client carrying a token issued to <paramref name="userId"/> as sign-in issues them.</summary>
    public HttpClient SignedIn(string userId)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", App.Services.GetRequiredService<AccessTokens>().Issue(userId).AccessToken);
        return client;
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
