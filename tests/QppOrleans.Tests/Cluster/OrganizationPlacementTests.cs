using QppOrleans.Grains.Registration;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Cluster;

/// <summary>
/// Every registration call asks the organization grain for the caller's role; with both
/// grains on one silo that question stays inside the process.
/// </summary>
[Collection(PostgresClusterCollection.Name)]
public sealed class OrganizationPlacementTests(PostgresClusterFixture fixture)
{
    [Fact]
    public async Task R1_A_registration_grain_is_placed_on_the_silo_of_its_organization_grain_and_organizations_spread_over_the_silos()
    {
        var client = fixture.Cluster.Client;
        var management = client.GetGrain<IManagementGrain>(0);
        var hosts = new HashSet<SiloAddress>();
        for (var i = 0; i < 16; i++)
        {
            var orgId = $"{770000000 + i}";
            var registration = client.GetGrain<IRegistrationGrain>(GrainKeys.Registration(2021, OrgTypes.Practice, orgId));

            // The registration grain activates first and then asks the organization grain, so the
            // second placement is made on the first grain's silo, not by the client's gateway.
            Assert.Equal(RegistrationMessages.NotFound, (await registration.GetAsync($"user:nobody-{i}")).Refusal);

            var registrationSilo = await management.GetActivationAddress(registration);
            var organizationSilo = await management.GetActivationAddress(
                client.GetGrain<IOrganizationGrain>(GrainKeys.Organization(OrgTypes.Practice, orgId)));
            Assert.NotNull(registrationSilo);
            Assert.Equal(registrationSilo, organizationSilo);
            hosts.Add(registrationSilo);
        }

        Assert.Equal(2, hosts.Count);
    }

    [Theory]
    [InlineData("practice/000765630", "practice/000765630")]
    [InlineData("reg/2021/practice/000765630", "practice/000765630")]
    [InlineData("reg/2026/apm-entity/PCF0001", "apm-entity/PCF0001")]
    public void R1_The_organization_a_grain_key_names_is_found_in_registration_and_organization_keys(string grainKey, string organization) =>
        Assert.Equal(organization, GrainKeys.OrganizationOf(grainKey).ToString());
}
