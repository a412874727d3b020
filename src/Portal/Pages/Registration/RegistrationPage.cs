using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>A page about one organization's registration for one performance year: the record, its ETag, where to go back to.</summary>
public abstract class RegistrationPage : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public int Py { get; set; }

    [BindProperty(SupportsGet = true)]
    public string OrgType { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string OrgId { get; set; } = "";

    /// <summary>The page to return to after an edit (a local path only).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The version the form was read at: a write with an older one is refused (412) instead of overwriting.</summary>
    [BindProperty]
    public string? ETag { get; set; }

    public RegistrationRecord? Record { get; protected set; }

    public string Base => $"/registration/{Py}/{OrgType}/{OrgId}";

    public string Back => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : Base;

    public string ShownId => $"{OrgTypes.IdLabel(OrgType)}: {OrgTypes.ShowId(OrgType, OrgId)}";

    protected async Task<bool> LoadAsync()
    {
        var record = await Api.RegistrationAsync(Py, OrgType, OrgId);
        if (!record.Ok)
        {
            Problem = record.Problem;
            return false;
        }

        Record = record.Value;
        ETag ??= record.ETag;
        return true;
    }
}
