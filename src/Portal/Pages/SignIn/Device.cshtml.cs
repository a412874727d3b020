using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.SignIn;

/// <summary>A-3: the person picks one of their devices and a code is sent to it.</summary>
public sealed class DeviceModel(SealedCookie<SignInDraft> drafts) : PortalPage
{
    public VerificationDevice[] Devices { get; private set; } = [];

    [BindProperty]
    public string? DeviceId { get; set; }

    public IActionResult OnGet()
    {
        if (drafts.Read(HttpContext) is not { } draft)
        {
            return Redirect("/sign-in");
        }

        Devices = draft.Devices;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (drafts.Read(HttpContext) is not { } draft)
        {
            return Redirect("/sign-in");
        }

        Devices = draft.Devices;
        var result = await Api.SendCodeAsync(draft.ChallengeId, DeviceId ?? "");
        if (!result.Ok)
        {
            return Show(result.Problem!);
        }

        drafts.Write(HttpContext, draft with { DeviceId = DeviceId });
        return Redirect("/sign-in/code");
    }
}
