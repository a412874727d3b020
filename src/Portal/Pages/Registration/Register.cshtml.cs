using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-3, R-7, R-8: review the organization and contacts, register, and see the registration id.</summary>
public sealed class RegistrationRegisterModel : RegistrationPage
{
    [BindProperty(SupportsGet = true)]
    public string Program { get; set; } = "";

    /// <summary>The Idempotency-Key of this form: sending it twice registers once.</summary>
    [BindProperty]
    public string Attempt { get; set; } = Guid.NewGuid().ToString("N");

    public string? RegistrationId { get; private set; }

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

        var registered = await Api.RegisterAsync(Py, OrgType, OrgId, Program, Attempt);
        await LoadAsync();
        if (!registered.Ok)
        {
            return Show(registered.Problem!);
        }

        RegistrationId = registered.Value!.RegistrationId;
        return Page();
    }
}
