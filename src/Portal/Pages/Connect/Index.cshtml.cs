using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Connect;

/// <summary>Step 1: the organization type, or the clinician's own NPI .</summary>
public sealed class ConnectTypeModel(SealedCookie<ConnectDraft> drafts) : PortalPage
{
    [BindProperty]
    public string? OrgType { get; set; }

    public void OnGet() => OrgType = drafts.Read(HttpContext)?.OrgType;

    public IActionResult OnPost()
    {
        if (!OrgTypes.IsKnown(OrgType) && OrgType != OrgTypes.Clinician)
        {
            Problem = new Problem(400, "Choose an organization type", "Select the organization type you’d like to connect to.", "validation-failed", null);
            return Page();
        }

        drafts.Write(HttpContext, new ConnectDraft(OrgType!, null, [], null));
        return Redirect("/connect/find");
    }
}
