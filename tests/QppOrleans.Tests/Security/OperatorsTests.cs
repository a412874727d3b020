using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Grains.Directory;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>Development, with two more ids listed as operators: one nobody holds, one claimed through the public API before it was listed.</summary>
public sealed class ListedOperatorsFixture : ApiFixture
{
    public const string Unclaimed = "ops-unclaimed";
    public const string Claimed = "ops-claimed";

    protected override Task<Dictionary<string, string?>> PrepareAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Access:Operators:1"] = Unclaimed,
        ["Access:Operators:2"] = Claimed,

        // The provisioning command reaches the grains, not this process: what it ends here ends within this interval.
        ["Auth:AccountCheckInterval"] = "00:00:01",
    });
}

/// <summary>Operators come to be out of band only, and grains check them themselves.</summary>
public sealed class OperatorsTests(ListedOperatorsFixture api) : IClassFixture<ListedOperatorsFixture>
{
    private readonly Portal portal = new(api.BaseAddress);

    [Theory]
    [InlineData(ApiFixture.Operator)]
    [InlineData(ListedOperatorsFixture.Unclaimed)]
    [InlineData("OPS-Unclaimed")]
    public async Task An_id_listed_as_an_operator_cannot_be_created_or_claimed_through_the_public_API(string userId)
    {
        await Portal.ProblemAsync(await portal.CreateAsync(userId), HttpStatusCode.Conflict, "user-exists");

        var account = api.Grains.GetGrain<IUserGrain>(GrainKeys.User(userId.ToLowerInvariant()));
        Assert.Equal(userId == ApiFixture.Operator, await account.IsOperatorAsync());
        if (userId != ApiFixture.Operator)
        {
            Assert.Null(await account.GetProfileAsync());
        }
    }

    [Fact]
    public async Task An_account_claimed_before_its_id_was_listed_holds_no_operator_role_until_it_is_provisioned()
    {
        var account = api.Grains.GetGrain<IUserGrain>(GrainKeys.User(ListedOperatorsFixture.Claimed));
        await account.CreateAsync(new NewAccount(ListedOperatorsFixture.Claimed, Portal.Password, "Eve", "Claimer", "eve@example.org", null));
        using var claimer = await SignedInAsync(ListedOperatorsFixture.Claimed, Portal.Password, "eve@example.org");

        Assert.False((await claimer.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("operator").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await claimer.GetAsync("/api/admin/service-center/requests")).StatusCode);

        Assert.False(await account.ProvisionOperatorAsync(new NewAccount(ListedOperatorsFixture.Claimed, "Operator-Password-Reset-1", "Real", "Operator", "ops@example.org", null)));
        await Eventually.HoldsAsync(
            async () => (await claimer.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(10),
            () => "the claimer's session to end");
        await Portal.ProblemAsync(await portal.SignInAsync(ListedOperatorsFixture.Claimed), HttpStatusCode.Unauthorized, "invalid-credentials");
        using var provisioned = await SignedInAsync(ListedOperatorsFixture.Claimed, "Operator-Password-Reset-1", "ops@example.org");
        Assert.True((await provisioned.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("operator").GetBoolean());
    }

    [Fact]
    public async Task Development_provisions_its_operator_with_the_password_from_Development_settings()
    {
        using var operatorClient = await SignedInAsync(ApiFixture.Operator, "Operator-Password-2026", "qpp-operator@qpp.localhost");

        Assert.True((await operatorClient.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("operator").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/admin/service-center/requests")).StatusCode);
    }

    [Fact]
    public async Task Operator_only_grain_methods_refuse_anyone_not_provisioned_as_an_operator()
    {
        var stranger = Portal.NewUserId("stranger");
        api.IssueToken(stranger);
        var entry = new DirectoryEntry { OrgType = OrgTypes.Practice, OrgId = "812345678", Name = "Not Imported", Tins = ["812345678"] };

        await Assert.ThrowsAsync<OperatorRequiredException>(() => api.Grains.GetGrain<IDirectoryWriterGrain>(0).WriteAsync(stranger, [entry]));
        await Assert.ThrowsAsync<OperatorRequiredException>(() =>
            api.Grains.GetGrain<IOrganizationGrain>(GrainKeys.Organization(OrgTypes.Practice, "812345678")).ChangeRoleAsync(stranger, stranger, "security-official"));
        await Assert.ThrowsAsync<OperatorRequiredException>(() =>
            api.Grains.GetGrain<IRegistrationGrain>(GrainKeys.Registration(2026, OrgTypes.Practice, "812345678")).AutoRegisterAsync(stranger, ["cahps"], "ssp-aco"));
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/organizations/practice/812345678")).StatusCode);
    }

    private async Task<HttpClient> SignedInAsync(string userId, string password, string email)
    {
        var before = (await portal.Http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(email)}")).GetArrayLength();
        var signIn = await portal.SignInAsync(userId, password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var challenge = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challenge)).StatusCode);
        var verified = await portal.VerifyAsync(challenge, await portal.CodeSentToAsync(email, before));
        var client = api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }
}
