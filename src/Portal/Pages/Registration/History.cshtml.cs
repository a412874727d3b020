using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-14: who (with their role then), what (before and after), when.</summary>
public sealed class RegistrationHistoryModel : RegistrationPage
{
    public HistoryEntry[] Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var history = await Api.HistoryAsync(Py, OrgType, OrgId);
        if (history.Ok)
        {
            Entries = [.. history.Value!.OrderByDescending(e => e.At)];
        }
        else
        {
            Problem = history.Problem;
        }

        return Page();
    }
}
