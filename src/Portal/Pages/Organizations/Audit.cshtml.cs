using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.Organizations;

/// <summary>A-30: who did what, when and why at the organization.</summary>
public sealed class AuditModel : OrganizationPage
{
    public AuditEntry[] Entries { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadNameAsync();
        var audit = await Api.AuditAsync(OrgType, OrgId, Paging);
        if (audit.Ok)
        {
            Entries = audit.Value!;
            Pages = PaginationOf(audit, "Pages of the audit trail");
        }
        else
        {
            Problem = audit.Problem;
        }

        return Page();
    }
}
