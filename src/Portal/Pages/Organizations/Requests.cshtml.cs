using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.Organizations;

/// <summary>A-23, A-27: the pending requests, each approved or denied (with a reason) by a Security Official.</summary>
public sealed class RequestsModel : OrganizationPage
{
    public PendingRequest[] Requests { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    [BindProperty]
    public string? RequestId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync() =>
        await AfterAsync(await Api.ApproveAsync(OrgType, OrgId, RequestId ?? ""), "The request is approved.");

    public async Task<IActionResult> OnPostDenyAsync() =>
        await AfterAsync(await Api.DenyAsync(OrgType, OrgId, RequestId ?? "", string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim()), "The request is denied.");

    private async Task<IActionResult> AfterAsync<T>(ApiResult<T> result, string notice)
    {
        if (!result.Ok)
        {
            await LoadAsync();
            return Show(result.Problem!);
        }

        Notice = notice;
        return Redirect(Path + "/requests");
    }

    private async Task LoadAsync()
    {
        await LoadNameAsync();
        var requests = await Api.PendingRequestsAsync(OrgType, OrgId, Paging);
        if (requests.Ok)
        {
            Requests = requests.Value!;
            Pages = PaginationOf(requests, "Pages of pending requests");
        }
        else
        {
            Problem = requests.Problem;
        }
    }
}
