using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Settings;

/// <summary>A-8: the current password and a fresh code change the password; the account's email is told.</summary>
public sealed class PasswordModel(SealedCookie<CodeDraft> drafts) : PortalPage
{
    [BindProperty]
    public string? DeviceId { get; set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public CodeDraft? Draft { get; private set; }

    public VerificationDevice[] Devices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] bool again = false)
    {
        Draft = again ? null : drafts.Read(HttpContext);
        if (Draft is { Sent: true })
        {
            return Page();
        }

        var opened = await Api.ConfirmationAsync();
        if (!opened.Ok)
        {
            return Show(opened.Problem!);
        }

        Devices = opened.Value!.Devices;
        drafts.Write(HttpContext, new CodeDraft(opened.Value.ChallengeId, opened.Value.Devices, false));
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        if (drafts.Read(HttpContext) is not { } draft)
        {
            return Redirect("/settings/password");
        }

        Devices = draft.Devices;
        var sent = await Api.SendCodeAsync(draft.ChallengeId, DeviceId ?? "");
        if (!sent.Ok)
        {
            return Show(sent.Problem!);
        }

        drafts.Write(HttpContext, draft with { Sent = true });
        return Redirect("/settings/password");
    }

    public async Task<IActionResult> OnPostChangeAsync()
    {
        if (drafts.Read(HttpContext) is not { Sent: true } draft)
        {
            return Redirect("/settings/password");
        }

        Draft = draft;
        var changed = await Api.ChangePasswordAsync(CurrentPassword ?? "", NewPassword ?? "", draft.ChallengeId, Code?.Trim() ?? "");
        if (!changed.Ok)
        {
            return Show(changed.Problem!);
        }

        drafts.Delete(HttpContext);
        Notice = "Your password is changed.";
        return Redirect("/manage-access");
    }
}
