using Microsoft.AspNetCore.Authentication;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages;

/// <summary>
/// A portal address that leads nowhere: a page that says so, with a 404 status; the API's own
/// routes keep their JSON problem 404s.
/// </summary>
public sealed class NotFoundModel : PortalPage
{
    public async Task OnGetAsync()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        // The page is open to everyone; a signed-in person still sees their navigation.
        if (await HttpContext.AuthenticateAsync(PortalSession.Scheme) is { Succeeded: true } session)
        {
            HttpContext.User = session.Principal;
        }
    }
}
