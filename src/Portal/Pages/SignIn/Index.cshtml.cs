using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.SignIn;

/// <summary>A-2: user id, password and the Statement of Truth; the API decides, and says why not.</summary>
public sealed class SignInModel(SealedCookie<SignInDraft> drafts, SealedCookie<KnownClient> knownClients) : PortalPage
{
    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public bool StatementOfTruth { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Ended { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await Api.SignInAsync(new SignInBody(UserId?.Trim() ?? "", Password ?? "", StatementOfTruth, knownClients.Read(HttpContext)?.Token));
        if (!result.Ok)
        {
            return Show(result.Problem!);
        }

        drafts.Write(HttpContext, new SignInDraft(result.Value!.ChallengeId, result.Value.Devices, null, Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null));
        return Redirect("/sign-in/device");
    }
}
