using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-5: name and address, pre-filled from the directory; all but address 2 required.</summary>
public sealed class RegistrationOrganizationModel : RegistrationPage
{
    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Address1 { get; set; }

    [BindProperty]
    public string? Address2 { get; set; }

    [BindProperty]
    public string? City { get; set; }

    [BindProperty]
    public string? State { get; set; }

    [BindProperty]
    public string? Zip { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync())
        {
            var info = Record!.Organization;
            (Name, Address1, Address2, City, State, Zip) = (info.Name, info.Address1, info.Address2, info.City, info.State, info.Zip);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.SetOrganizationAsync(Py, OrgType, OrgId, new OrganizationBody(Name, Address1, Address2, City, State, Zip), ETag);
        if (!result.Ok)
        {
            var problem = result.Problem!;
            ETag = null;
            await LoadAsync();
            return Show(problem);
        }

        Notice = "The organization information is updated.";
        return Redirect(Back);
    }
}
