using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Connect;

/// <summary>
/// Step 4: the validation fields for the type for each Security Official pick (or the
/// clinician's NPI and PTAN, A-29), then the request, and each organization's own outcome.
/// </summary>
public sealed class ConnectValidateModel(SealedCookie<ConnectDraft> drafts) : PortalPage
{
    public ConnectDraft Draft { get; private set; } = new(OrgTypes.Practice, null, [], null);

    [BindProperty]
    public Dictionary<string, ValidationInput> V { get; set; } = [];

    [BindProperty]
    public string Attempt { get; set; } = Guid.NewGuid().ToString("N");

    public OrganizationDetail[] Validating { get; private set; } = [];

    public OrganizationDetail[] Pending { get; private set; } = [];

    public string? ApmValidation { get; private set; }

    /// <summary>What the entity's APM model calls its id ("ACO ID"), for the legend of its fields.</summary>
    public string? EntityIdName { get; private set; }

    /// <summary>A-14: how many participant TINs the first Security Official of <paramref name="org"/> gives (one for a single-TIN entity; two otherwise).</summary>
    public static int TinsFor(OrganizationDetail org) => org.ValidationTins is 1 ? 1 : 2;

    public IReadOnlyList<ConnectOutcome>? Outcomes { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Redirect("/connect");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return Redirect("/connect");
        }

        var result = await Api.RequestAccessAsync(ConnectRequest.Body(Draft, V, ApmValidation), Attempt);
        if (!result.Ok)
        {
            return Show(result.Problem!, result.Problem!.Errors?.Keys.ToDictionary(k => k, k => k));
        }

        Outcomes = ConnectRoleModel.Outcome(Draft, [.. Validating, .. Pending], result.Value!);
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (drafts.Read(HttpContext) is not { OrgIds.Length: > 0, Roles: not null } draft)
        {
            return false;
        }

        Draft = draft;
        OrganizationDetail[] organizations = draft.OrgType == OrgTypes.Clinician
            ? [new OrganizationDetail(OrgTypes.Practice, draft.OrgIds[0], $"Clinician NPI {draft.OrgIds[0]}", null, null, null, null, null, null)]
            : await ConnectRoleModel.LookUpAsync(Api, draft);
        Validating = [.. organizations.Where(o => draft.RoleOf(o.OrgId) is Roles.SecurityOfficial or Roles.Clinician)];
        Pending = [.. organizations.Where(o => draft.RoleOf(o.OrgId) is not (Roles.SecurityOfficial or Roles.Clinician))];
        if (draft.OrgType == OrgTypes.ApmEntity)
        {
            var models = (await Api.ApmModelsAsync()).Value ?? [];
            var model = models.FirstOrDefault(m => m.Id == (draft.ApmModel ?? organizations.FirstOrDefault()?.ApmModel));
            (ApmValidation, EntityIdName) = (model?.Validation, model?.EntityIdName);
        }

        return true;
    }
}
