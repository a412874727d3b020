using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Connect;

/// <summary>The last step's request: one item per organization with its role and, where given, its validation.</summary>
public static class ConnectRequest
{
    public static AccessRequestBody Body(ConnectDraft draft, IReadOnlyDictionary<string, ValidationInput>? validations, string? apmValidation)
    {
        var clinician = draft.OrgType == OrgTypes.Clinician;
        var items = draft.OrgIds.Select(id =>
        {
            var role = clinician ? Roles.Clinician : draft.RoleOf(id) ?? Roles.StaffUser;
            var validation = role is Roles.SecurityOfficial or Roles.Clinician && validations is not null && validations.TryGetValue(id, out var input)
                ? input.ToBody(draft.OrgType, apmValidation)
                : null;
            return new AccessItem(id, role, validation);
        });
        return new AccessRequestBody(clinician ? OrgTypes.Practice : draft.OrgType, [.. items]);
    }
}
