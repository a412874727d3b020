using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Connect;

/// <summary>
/// Step 2 (A-13): search by what the type allows, pick up to 25 practices or one other organization.
/// Works as plain forms; with the portal's script, results come as you type.
/// </summary>
public sealed class ConnectFindModel(SealedCookie<ConnectDraft> drafts) : PortalPage
{
    public ConnectDraft Draft { get; private set; } = new(OrgTypes.Practice, null, [], null);

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public string? OrgId { get; set; }

    [BindProperty]
    public string? ApmModel { get; set; }

    [BindProperty]
    public string? Npi { get; set; }

    public FoundOrganization[] Results { get; private set; } = [];

    public OrganizationDetail[] Selected { get; private set; } = [];

    public ApmModel[] ApmModels { get; private set; } = [];

    public string? ApmModelName { get; private set; }

    /// <summary>What the chosen APM model calls its entity's id ("ACO ID", "PCF Practice ID"), from the API's model list.</summary>
    public string? EntityIdName { get; private set; }

    public string IdLabel(string orgType) => orgType == OrgTypes.ApmEntity && EntityIdName is { } name ? name : OrgTypes.IdLabel(orgType);

    public string Instructions => Draft.OrgType switch
    {
        OrgTypes.Practice => "Search for a practice by using the practice’s 9-digit TIN or legal business name (e.g. 000456789 or ACME Clinic). Select the practice, and add another practice if you need to.",
        OrgTypes.Registry => "Search for a registry using the registry TIN, the registry’s name, or the Vendor ID (e.g. 000456789, ACME registry, or 45-2343).",
        OrgTypes.VirtualGroup => "Search for your virtual group by its complete Virtual Group ID.",
        _ => $"Search for the APM Entity by its name (legal business name) or its {EntityIdName ?? "APM Entity ID"}.",
    };

    public string SearchLabel => Draft.OrgType switch
    {
        OrgTypes.Practice => "Search by TIN or legal business name. No results appear until you enter the complete TIN (9 digits, without dashes).",
        OrgTypes.Registry => "Search by the registry’s name, its complete TIN (9 digits, without dashes) or its complete Vendor ID.",
        OrgTypes.VirtualGroup => "Search by the complete Virtual Group ID.",
        _ => $"Search by APM Entity name or {EntityIdName ?? "APM Entity ID"}.",
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Load())
        {
            return Redirect("/connect");
        }

        await FillAsync();
        return Page();
    }

    /// <summary>The results alone, for the script that searches as the person types.</summary>
    public async Task<IActionResult> OnGetSuggestAsync()
    {
        if (!Load())
        {
            return BadRequest();
        }

        await LoadModelAsync();
        await SearchAsync();
        return Partial("_Results", this);
    }

    public IActionResult OnGetChangeModel()
    {
        if (Load())
        {
            drafts.Write(HttpContext, Draft with { ApmModel = null, OrgIds = [] });
        }

        return Redirect("/connect/find");
    }

    public IActionResult OnPostModel()
    {
        if (!Load())
        {
            return Redirect("/connect");
        }

        drafts.Write(HttpContext, Draft with { ApmModel = ApmModel, OrgIds = [] });
        return Redirect("/connect/find");
    }

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!Load())
        {
            return Redirect("/connect");
        }

        var id = OrgId?.Trim() ?? "";
        if (id.Length > 0 && !Draft.OrgIds.Contains(id))
        {
            if (Draft.OrgIds.Length >= Draft.Limit && Draft.Limit > 1)
            {
                Problem = new Problem(400, "Too many practices", $"You may connect to a maximum of {ConnectDraft.MaxPractices} practices at once.", "validation-failed", null);
                await FillAsync();
                return Page();
            }

            // Other types are one at a time (A-24): a new pick replaces the last.
            drafts.Write(HttpContext, Draft with { OrgIds = Draft.Limit == 1 ? [id] : [.. Draft.OrgIds, id] });
        }

        return Redirect("/connect/find" + (Draft.Limit > 1 && Q is { Length: > 0 } ? "?q=" + Uri.EscapeDataString(Q) : ""));
    }

    public IActionResult OnPostRemove()
    {
        if (Load())
        {
            drafts.Write(HttpContext, Draft with { OrgIds = [.. Draft.OrgIds.Where(id => id != OrgId)] });
        }

        return Redirect("/connect/find");
    }

    public IActionResult OnPostNpi()
    {
        if (!Load())
        {
            return Redirect("/connect");
        }

        var npi = Npi?.Trim() ?? "";
        if (npi.Length == 0)
        {
            ModelState.AddModelError(nameof(Npi), "Enter your NPI.");
            return Page();
        }

        drafts.Write(HttpContext, Draft with { OrgIds = [npi], Roles = new() { [npi] = Roles.Clinician } });
        return Redirect("/connect/validate");
    }

    public async Task<IActionResult> OnPostContinueAsync()
    {
        if (!Load())
        {
            return Redirect("/connect");
        }

        if (Draft.OrgIds.Length == 0)
        {
            Problem = new Problem(400, "Select an organization", "Search for your organization and select it before you continue.", "validation-failed", null);
            await FillAsync();
            return Page();
        }

        return Redirect("/connect/role");
    }

    private bool Load()
    {
        if (drafts.Read(HttpContext) is not { } draft)
        {
            return false;
        }

        Draft = draft;
        return true;
    }

    private async Task FillAsync()
    {
        await LoadModelAsync();
        if (Draft.OrgType != OrgTypes.Clinician)
        {
            var lookups = await Task.WhenAll(Draft.OrgIds.Select(id => Api.OrganizationAsync(Draft.OrgType, id)));
            Selected = [.. lookups.Where(l => l.Ok).Select(l => l.Value!)];
            await SearchAsync();
        }
    }

    private async Task LoadModelAsync()
    {
        if (Draft.OrgType == OrgTypes.ApmEntity)
        {
            ApmModels = (await Api.ApmModelsAsync()).Value ?? [];
            var model = ApmModels.FirstOrDefault(m => m.Id == Draft.ApmModel);
            (ApmModelName, EntityIdName) = (model?.Name, model?.EntityIdName);
        }
    }

    private async Task SearchAsync()
    {
        if (Q is not { Length: > 0 } || (Draft.OrgType == OrgTypes.ApmEntity && Draft.ApmModel is null))
        {
            return;
        }

        var found = await Api.SearchAsync(Draft.OrgType, Q.Trim(), Draft.ApmModel);
        if (found.Ok)
        {
            Results = found.Value!;
        }
        else
        {
            Show(found.Problem!);
        }
    }
}
