using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.Settings;

/// <summary>The person's own account audit, newest first: codes sent, sign-outs, password and device changes (A-7 … A-9).</summary>
public sealed class ActivityModel : PortalPage
{
    public AuditEntry[] Entries { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var activity = await Api.MyAuditAsync(Paging);
        if (!activity.Ok)
        {
            return Show(activity.Problem!);
        }

        Entries = activity.Value!;
        Pages = PaginationOf(activity, "Pages of your account activity");
        return Page();
    }
}
