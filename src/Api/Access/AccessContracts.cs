using QppOrleans.Grains.Abstractions.Access;

namespace QppOrleans.Api.Access;

public sealed record AccessRequestBody(string? OrgType, AccessItem[]? Items);

public sealed record AccessItem(string? OrgId, string? Role, ValidationBody? Validation);

public sealed record ValidationBody(string? Tin, string? Npi, string? Ptan, string? VendorId, string[]? Tins)
{
    public Validation ToValidation() => new(Tin?.Trim(), Npi?.Trim(), Ptan?.Trim(), VendorId?.Trim(), Tins?.Select(t => t?.Trim() ?? "").ToArray());

    /// <summary>The values given, each with its name in the request body (tins as tins[0], tins[1], …).</summary>
    public IEnumerable<(string Field, string? Value)> Named()
    {
        yield return ("tin", Tin);
        yield return ("npi", Npi);
        yield return ("ptan", Ptan);
        yield return ("vendorId", VendorId);
        for (var i = 0; i < (Tins?.Length ?? 0); i++)
        {
            yield return ($"tins[{i}]", Tins![i]);
        }
    }
}

public sealed record AccessRequestResults(RequestOutcome[] Results);

public sealed record DenyBody(string? Reason);

public sealed record RoleBody(string? Role);

public sealed record ResolveBody(string? Outcome, string? Note);

public sealed record PermissionsView(string Role, IReadOnlyList<string> Actions);

public sealed record ConnectedOrganization(string OrgType, string OrgId, string Name, string Role, int ConnectedUsers, Registration.RegistrationStatus? Registration);

public sealed record ConnectedOrganizations(
    ConnectedOrganization[] Practices, ConnectedOrganization[] ApmEntities, ConnectedOrganization[] Registries, ConnectedOrganization[] VirtualGroups);

/// <param name="Reason">Why the request ended, when someone said: a denial's reason or an expiry's .</param>
public sealed record MyRequestView(string RequestId, string OrgType, string OrgId, string Name, string Role, string Status, DateTimeOffset At, string? Reason);
