namespace QppOrleans.WebPortal.Pages;

public sealed class NotAllowedModel : PortalPage
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
