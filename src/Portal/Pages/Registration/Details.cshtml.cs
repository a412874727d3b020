using Microsoft.AspNetCore.Mvc;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>Show Details: the organization's address, its contacts and both programs .</summary>
public sealed class RegistrationDetailsModel : RegistrationPage
{
    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        return Page();
    }
}
