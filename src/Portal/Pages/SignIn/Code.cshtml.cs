using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.SignIn;

/// <summary>A-3, A-6: the code is verified and the API's token becomes the portal session.</summary>
public sealed class CodeModel(SealedCookie<SignInDraft> drafts, SealedCookie<KnownClient> knownClients, IWebHostEnvironment environment) : PortalPage
{
    public VerificationDevice? Device { get; private set; }

    [BindProperty]
    public string? Code { get; set; }

    /// <summary>Never in Production: where the development mail sink shows the code.</summary>
    public bool ShowDevelopmentHint => environment.IsDevelopment();

    public Uri ApiBase => Api.BaseAddress;

    public IActionResult OnGet()
    {
        if (drafts.Read(HttpContext) is not { DeviceId: not null } draft)
        {
            return Redirect("/sign-in");
        }

        Device = draft.Devices.FirstOrDefault(d => d.DeviceId == draft.DeviceId);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (drafts.Read(HttpContext) is not { DeviceId: not null } draft)
        {
            return Redirect("/sign-in");
        }

        Device = draft.Devices.FirstOrDefault(d => d.DeviceId == draft.DeviceId);
        var verified = await Api.VerifyAsync(draft.ChallengeId, Code?.Trim() ?? "");
        if (!verified.Ok)
        {
            return Show(verified.Problem!);
        }

        var me = await Api.MeAsync(verified.Value!.AccessToken);
        if (!me.Ok)
        {
            return Show(me.Problem!);
        }

        await PortalSession.SignInAsync(HttpContext, me.Value!, verified.Value);
        if (verified.Value.KnownClient is { } known)
        {
            knownClients.Write(HttpContext, new KnownClient(known));
        }

        drafts.Delete(HttpContext);
        return Redirect(draft.ReturnUrl ?? "/manage-access");
    }
}
