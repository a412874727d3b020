using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-6: a contact deleted after confirmation; the API refuses the last one with its message.</summary>
public sealed class RegistrationDeleteContactModel : RegistrationPage
{
    [BindProperty(SupportsGet = true)]
    public string ContactId { get; set; } = "";

    public Contact? Contact { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await FindAsync();
        return Contact is null && Problem is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var deleted = await Api.DeleteContactAsync(Py, OrgType, OrgId, ContactId);
        if (!deleted.Ok)
        {
            await FindAsync();
            return Show(deleted.Problem!);
        }

        Notice = "The contact is deleted.";
        return Redirect(Base);
    }

    private async Task FindAsync()
    {
        if (await LoadAsync())
        {
            Contact = Record!.Contacts.FirstOrDefault(c => c.ContactId == ContactId);
        }
    }
}
