using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-11: the Security Official's organizations, size and id, each program registered (green check) or not (yellow semi-circle).</summary>
public sealed class RegistrationOverviewModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public int Py { get; set; }

    public Overview? Overview { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var overview = await Api.OverviewAsync(Py);
        if (!overview.Ok)
        {
            return Show(overview.Problem!);
        }

        Overview = overview.Value;
        return Page();
    }
}
