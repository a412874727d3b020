using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using QppOrleans.Portal.Session;

namespace QppOrleans.Portal.Pages;

public sealed class IndexModel : PortalPage
{
    public async Task<IActionResult> OnGetAsync() =>
        (await HttpContext.AuthenticateAsync(PortalSession.Scheme)).Succeeded ? Redirect("/manage-access") : Page();
}
