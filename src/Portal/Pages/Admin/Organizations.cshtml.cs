using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.Admin;

/// <summary>
/// an organization's users with their roles and emails, so that the Service Center can tell
/// a caller who their Security Official is (FAQ 3).
/// </summary>
public sealed class OrganizationUsersModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    public string? Name { get; private set; }

    public OrganizationUser[]? Users { get; private set; }

    public Pagination? Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Id))
        {
            return Page();
        }

        var orgType = OrgTypes.IsKnown(Type) ? Type! : OrgTypes.Practice;
        // A TIN may be typed as shown (00-0765630); the API takes its nine digits.
        var orgId = orgType == OrgTypes.Practice ? Id.Trim().Replace("-", "", StringComparison.Ordinal) : Id.Trim();
        var users = await Api.OrganizationUsersAsync(orgType, orgId, Paging);
        if (!users.Ok)
        {
            return Show(users.Problem!);
        }

        Name = (await Api.OrganizationAsync(orgType, orgId)).Value?.Name ?? OrgTypes.ShowId(orgType, orgId);
        Users = users.Value!;
        Pages = PaginationOf(users, "Pages of the organization's users");
        return Page();
    }
}
