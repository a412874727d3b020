namespace QppOrleans.Portal.Pages;

public sealed class NotAllowedModel : PortalPage
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
