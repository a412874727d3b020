using Microsoft.AspNetCore.Mvc;
using QppOrleans.Portal.Session;

namespace QppOrleans.Portal.Pages;

/// <summary>Ends the portal session (the cookie and the token it held).</summary>
public sealed class SignOutModel : PortalPage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await PortalSession.SignOutAsync(HttpContext);
        Notice = "You have signed out.";
        return Redirect("/");
    }
}
