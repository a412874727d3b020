using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Notifications;

/// <summary>N-1: the person's on-screen notifications, newest first, each marked read or unread.</summary>
public sealed class NotificationsModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public int P { get; set; } = 1;

    [BindProperty]
    public Guid Id { get; set; }

    public NotificationPage? Inbox { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var page = await Api.NotificationsAsync(Paging.Page, Paging.Size);
        if (!page.Ok)
        {
            return Show(page.Problem!);
        }

        Inbox = page.Value;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var read = await Api.MarkReadAsync(Id);
        if (!read.Ok)
        {
            Notice = read.Problem!.Message;
        }

        return Redirect($"/notifications?p={Math.Clamp(P, 1, 1000)}");
    }
}
