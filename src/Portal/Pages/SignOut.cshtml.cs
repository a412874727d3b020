using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages;

/// <summary>A-7: sign out of this session, or of every session of the account; the token stops working at once.</summary>
public sealed class SignOutModel : PortalPage
{
    [BindProperty]
    public bool Everywhere { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            await Api.SignOutAsync(Everywhere);
        }
        catch (SessionEndedException)
        {
            // Already over at the API: the portal's cookie goes all the same.
        }

        await PortalSession.SignOutAsync(HttpContext);
        Notice = Everywhere ? "You have signed out of every session." : "You have signed out.";
        return Redirect("/");
    }
}
