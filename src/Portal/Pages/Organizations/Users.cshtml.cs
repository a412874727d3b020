using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.Organizations;

/// <summary>A-27: the organization's users; a Security Official removes the role of a person who left.</summary>
public sealed class UsersModel : OrganizationPage
{
    public Member[] Members { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    [BindProperty]
    public string? UserId { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var removed = await Api.RemoveMemberAsync(OrgType, OrgId, UserId ?? "");
        if (!removed.Ok)
        {
            await LoadAsync();
            return Show(removed.Problem!);
        }

        Notice = $"The role of {UserId} is removed.";
        return Redirect(Path + "/users");
    }

    private async Task LoadAsync()
    {
        await LoadNameAsync();
        var members = await Api.MembersAsync(OrgType, OrgId, Paging);
        if (members.Ok)
        {
            Members = members.Value!;
            Pages = PaginationOf(members, "Pages of connected users");
        }
        else
        {
            Problem = members.Problem;
        }
    }
}
