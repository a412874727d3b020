using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Organizations;

/// <summary>A Security Official's page about one of their organizations: the API answers 403 or 404 to anyone else.</summary>
public abstract class OrganizationPage : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string OrgType { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string OrgId { get; set; } = "";

    public string Name { get; private set; } = "";

    public string Path => $"/organizations/{OrgType}/{OrgId}";

    protected async Task LoadNameAsync() =>
        Name = (await Api.OrganizationAsync(OrgType, OrgId)).Value?.Name ?? OrgId;
}
