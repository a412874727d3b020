using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>
/// The embedded default in Production, with an operator provisioned beforehand by the README's
/// command against its data file. Mail goes to the development sink only so that the tests can
/// read codes from its grains: its endpoint is not mapped outside Development.
/// </summary>
public sealed class ProductionApiFixture : ApiFixture
{
    public const string ProductionOperator = "ops-production";
    public const string OperatorPassword = "Production-Ops-Password-9";
    public const string OperatorEmail = "ops-production@example.org";
    public const string SigningKey = "a-production-signing-key-of-at-least-32-bytes";

    protected override string Environment => "Production";

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__SigningKey"] = SigningKey,
            ["Access__Operators__0"] = ProductionOperator,
            ["Embedded__DataFile"] = DataFile,
            ["QPP_OPERATOR_PASSWORD"] = OperatorPassword,
        };
        await using var command = ChildProcess.Start(Path.GetDirectoryName(Repository.ApiDll)!, settings, Repository.ApiDll,
            "provision-operator", "--user-id", ProductionOperator, "--first-name", "Prod", "--last-name", "Operator", "--email", OperatorEmail);
        var code = await command.ExitCodeAsync(TimeSpan.FromSeconds(120));
        Assert.True(code == 0, $"provision-operator exited with {code}: {command.Output}");

        return new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = SigningKey,
            ["Access:Operators:0"] = ProductionOperator,
            ["Email:Delivery"] = "DevelopmentSink",
        };
    }
}

public sealed class ProductionTests(ProductionApiFixture api) : IClassFixture<ProductionApiFixture>
{
    [Theory]
    [InlineData("/api/dev/messages?to=someone%40example.org")]
    [InlineData("/api/dev/probes/p")]
    [InlineData("/scalar/v1")]
    public async Task Development_endpoints_and_the_API_page_are_absent_in_Production(string path)
    {
        using var anonymous = api.Anonymous();
        using var signedIn = api.SignedIn(Portal.NewUserId());

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.PutAsJsonAsync("/api/dev/probes/p", new { value = "x" })).StatusCode);
    }

    [Fact]
    public async Task An_operator_provisioned_by_the_command_signs_in_and_holds_the_role()
    {
        var portal = new Portal(api.BaseAddress);
        var signIn = await portal.SignInAsync(ProductionApiFixture.ProductionOperator, ProductionApiFixture.OperatorPassword);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var challenge = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challenge)).StatusCode);
        string? code = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var messages = await api.Grains.GetGrain<IDevMailboxGrain>(GrainKeys.Mailbox(ProductionApiFixture.OperatorEmail)).ReadAsync();
                code = messages.Select(m => System.Text.RegularExpressions.Regex.Match(m.Body, @"\b\d{6}\b").Value).FirstOrDefault(c => c.Length == 6);
                return code is not null;
            },
            TimeSpan.FromSeconds(20),
            () => "a code for the operator");
        var verified = await portal.VerifyAsync(challenge, code!);
        using var operatorClient = api.Anonymous();
        operatorClient.DefaultRequestHeaders.Authorization = new("Bearer", (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());

        Assert.True((await operatorClient.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("operator").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/admin/service-center/requests")).StatusCode);
    }

    [Theory]
    [InlineData("Auth:SigningKey", Api.Accounts.AuthOptions.DevelopmentSigningKey, "Development key")]
    [InlineData("Access:DevelopmentOperator:UserId", "qpp-operator", "Access:DevelopmentOperator")]
    public void The_Development_key_and_the_Development_operator_are_refused_outside_Development(string key, string value, string message)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => QppApi.Build(["--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Auth:SigningKey"] = ProductionApiFixture.SigningKey,
                [key] = value,
                ["Access:DevelopmentOperator:Password"] = "Operator-Password-2026",
            })));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Development_settings_ship_the_key_the_API_refuses_elsewhere()
    {
        var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "src", "Api", "appsettings.Development.json")));
        Assert.Equal(Api.Accounts.AuthOptions.DevelopmentSigningKey, settings.RootElement.GetProperty("Auth").GetProperty("SigningKey").GetString());
    }
}
