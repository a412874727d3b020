using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Account;

/// <summary>A-1: an account with its user id, password, name, email and optional phone.</summary>
public sealed class RegisterModel : PortalPage
{
    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? FirstName { get; set; }

    [BindProperty]
    public string? LastName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Phone { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        var result = await Api.CreateAccountAsync(new NewAccount(UserId?.Trim() ?? "", Password ?? "", FirstName?.Trim() ?? "", LastName?.Trim() ?? "", Email?.Trim() ?? "", phone));
        if (!result.Ok)
        {
            return Show(result.Problem!);
        }

        Notice = "Your account is ready. Sign in with your user ID and password.";
        return Redirect("/sign-in");
    }
}
