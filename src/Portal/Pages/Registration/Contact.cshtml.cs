using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>R-6: a contact added (the first pre-filled with the person's own name) or edited.</summary>
public sealed class RegistrationContactModel : RegistrationPage
{
    [BindProperty(SupportsGet = true)]
    public string ContactId { get; set; } = "";

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    [BindProperty]
    public string? Extension { get; set; }

    /// <summary>The Idempotency-Key of an added contact: this form sent twice adds one contact.</summary>
    [BindProperty]
    public string Attempt { get; set; } = Guid.NewGuid().ToString("N");

    public bool IsNew => ContactId == "new";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return Page();
        }

        if (IsNew)
        {
            (FirstName, LastName) = (Record!.ContactDraft?.FirstName, Record.ContactDraft?.LastName);
        }
        else if (Record!.Contacts.FirstOrDefault(c => c.ContactId == ContactId) is { } contact)
        {
            (FirstName, LastName, Email, Phone, Extension) = (contact.FirstName, contact.LastName, contact.Email, contact.Phone, contact.Extension);
        }
        else
        {
            return NotFound();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var body = new ContactBody(FirstName, LastName, Email, Phone, string.IsNullOrWhiteSpace(Extension) ? null : Extension);
        var problem = IsNew
            ? (await Api.AddContactAsync(Py, OrgType, OrgId, body, Attempt)).Problem
            : (await Api.UpdateContactAsync(Py, OrgType, OrgId, ContactId, body, ETag)).Problem;
        if (problem is not null)
        {
            ETag = null;
            await LoadAsync();
            return Show(problem);
        }

        Notice = IsNew ? $"{FirstName} {LastName} is added as a contact." : "The contact information is updated.";
        return Redirect(Back);
    }
}
