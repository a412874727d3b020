using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-8: a program's registration cancelled after the person confirms (Continue), or kept (Cancel).</summary>
public sealed class RegistrationCancelModel : RegistrationPage
{
    [BindProperty(SupportsGet = true)]
    public string Program { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Programs.All.Contains(Program))
        {
            return NotFound();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Programs.All.Contains(Program))
        {
            return NotFound();
        }

        var cancelled = await Api.CancelAsync(Py, OrgType, OrgId, Program);
        if (!cancelled.Ok)
        {
            await LoadAsync();
            return Show(cancelled.Problem!);
        }

        Notice = $"You have successfully cancelled your {Programs.Name(Program)} registration. Registration ID: {cancelled.Value!.RegistrationId}.";
        return Redirect($"/registration/{Py}");
    }
}
