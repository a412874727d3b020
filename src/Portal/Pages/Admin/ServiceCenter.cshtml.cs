using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.Admin;

/// <summary>A-26: the Service Center queue; an operator resolves a request (approve grants the role, deny lets the person start again).</summary>
public sealed class ServiceCenterModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public bool Resolved { get; set; }

    [BindProperty]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    public ServiceCenterItem[] Items { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var resolved = await Api.ResolveAsync(Id, Outcome ?? "", string.IsNullOrWhiteSpace(Note) ? null : Note.Trim());
        if (!resolved.Ok)
        {
            await LoadAsync();
            return Show(resolved.Problem!);
        }

        Notice = Outcome == "approve" ? "The request is approved: the person has the role." : "The request is denied: the person may ask again.";
        return Redirect("/admin/service-center");
    }

    private async Task LoadAsync()
    {
        var items = await Api.ServiceCenterAsync(Resolved, Paging);
        if (items.Ok)
        {
            Items = items.Value!;
            Pages = PaginationOf(items, Resolved ? "Pages of resolved requests" : "Pages of open requests");
        }
        else
        {
            Problem = items.Problem;
        }
    }
}
