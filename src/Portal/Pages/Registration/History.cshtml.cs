using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-14: who (with their role then), what (before and after), when.</summary>
public sealed class RegistrationHistoryModel : RegistrationPage
{
    public HistoryEntry[] Entries { get; private set; } = [];

    public Pagination? Pages { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var history = await Api.HistoryAsync(Py, OrgType, OrgId, Paging);
        if (history.Ok)
        {
            Entries = history.Value!;
            Pages = PaginationOf(history, "Pages of the registration history");
        }
        else
        {
            Problem = history.Problem;
        }

        return Page();
    }
}
