using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Connect;

/// <summary>Step 3: a role for each organization. Without a Security Official pick, the request goes now.</summary>
public sealed class ConnectRoleModel(SealedCookie<ConnectDraft> drafts) : PortalPage
{
    public ConnectDraft Draft { get; private set; } = new(OrgTypes.Practice, null, [], null);

    public OrganizationDetail[] Organizations { get; private set; } = [];

    [BindProperty]
    public Dictionary<string, string> Choices { get; set; } = [];

    /// <summary>The Idempotency-Key of this form: sending it twice asks once.</summary>
    [BindProperty]
    public string Attempt { get; set; } = Guid.NewGuid().ToString("N");

    public IReadOnlyList<ConnectOutcome>? Outcomes { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (drafts.Read(HttpContext) is not { OrgIds.Length: > 0 } draft || draft.OrgType == OrgTypes.Clinician)
        {
            return Redirect("/connect");
        }

        Draft = draft;
        Organizations = await LookUpAsync(Api, draft);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (drafts.Read(HttpContext) is not { OrgIds.Length: > 0 } draft || draft.OrgType == OrgTypes.Clinician)
        {
            return Redirect("/connect");
        }

        var roles = draft.OrgIds.ToDictionary(id => id, id => Choices.TryGetValue(id, out var role) && role == Roles.SecurityOfficial ? Roles.SecurityOfficial : Roles.StaffUser);
        Draft = draft with { Roles = roles };
        drafts.Write(HttpContext, Draft);
        if (roles.ContainsValue(Roles.SecurityOfficial))
        {
            return Redirect("/connect/validate");
        }

        Organizations = await LookUpAsync(Api, Draft);
        var result = await Api.RequestAccessAsync(ConnectRequest.Body(Draft, null, null), Attempt);
        if (!result.Ok)
        {
            return Show(result.Problem!);
        }

        Outcomes = Outcome(Draft, Organizations, result.Value!);
        return Page();
    }

    public static async Task<OrganizationDetail[]> LookUpAsync(QppClient api, ConnectDraft draft)
    {
        var lookups = await Task.WhenAll(draft.OrgIds.Select(id => api.OrganizationAsync(draft.OrgType, id)));
        return [.. lookups.Zip(draft.OrgIds, (l, id) => l.Value ?? new OrganizationDetail(draft.OrgType, id, id, null, null, null, null, null, null))];
    }

    public static IReadOnlyList<ConnectOutcome> Outcome(ConnectDraft draft, OrganizationDetail[] organizations, AccessRequestResults results) =>
        [.. results.Results.Select(r => new ConnectOutcome(r.OrgId,
            organizations.FirstOrDefault(o => o.OrgId == r.OrgId)?.Name ?? r.OrgId,
            draft.OrgType == OrgTypes.Clinician ? Roles.Clinician : draft.RoleOf(r.OrgId) ?? Roles.StaffUser, r))];
}
