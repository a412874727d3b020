using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages;

public sealed class IndexModel : PortalPage
{
    public async Task<IActionResult> OnGetAsync() =>
        (await HttpContext.AuthenticateAsync(PortalSession.Scheme)).Succeeded ? Redirect("/manage-access") : Page();
}
