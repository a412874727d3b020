using Microsoft.AspNetCore.Mvc;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>
/// the size, edited only here. A change that would delete a Web Interface registration
/// is answered by the API with its confirmation text, shown as "Confirm Change in Size?".
/// </summary>
public sealed class RegistrationSizeModel : RegistrationPage
{
    [BindProperty]
    public string? Size { get; set; }

    [BindProperty]
    public bool Confirm { get; set; }

    /// <summary>The API's R-4 text, when the change needs confirming.</summary>
    public string? Confirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        await LoadAsync();
        Size = Record?.Size;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.SetSizeAsync(Py, OrgType, OrgId, Size ?? "", Confirm);
        if (result.Ok)
        {
            Notice = result.Value!.WebInterface.Registered || !Confirm
                ? $"The organization size is {Size}."
                : $"The organization size is {Size}. Your CMS Web Interface registration is deleted.";
            return Redirect(Back);
        }

        if (result.Problem!.Code == "confirmation-required")
        {
            Confirmation = result.Problem.Message;
            return Page();
        }

        await LoadAsync();
        return Show(result.Problem);
    }
}
