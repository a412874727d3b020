using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Account;

/// <summary>A-8: a forgotten password reset with a code sent to a registered device; the API answers alike whether or not the id exists.</summary>
public sealed class ResetModel(SealedCookie<CodeDraft> drafts) : PortalPage
{
    [BindProperty]
    public string? UserId { get; set; }

    [BindProperty]
    public string? DeviceId { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public CodeDraft? Draft { get; private set; }

    public void OnGet([FromQuery] bool again = false)
    {
        if (again)
        {
            drafts.Delete(HttpContext);
            return;
        }

        Draft = drafts.Read(HttpContext);
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        var started = await Api.StartResetAsync(UserId?.Trim() ?? "");
        if (!started.Ok)
        {
            return Show(started.Problem!);
        }

        drafts.Write(HttpContext, new CodeDraft(started.Value!.ChallengeId, started.Value.Devices, false));
        return Redirect("/account/reset");
    }

    public async Task<IActionResult> OnPostSendAsync()
    {
        if (drafts.Read(HttpContext) is not { } draft)
        {
            return Redirect("/account/reset");
        }

        Draft = draft;
        var sent = await Api.SendCodeAsync(draft.ChallengeId, DeviceId ?? "");
        if (!sent.Ok)
        {
            return Show(sent.Problem!);
        }

        drafts.Write(HttpContext, draft with { Sent = true });
        return Redirect("/account/reset");
    }

    public async Task<IActionResult> OnPostCompleteAsync()
    {
        if (drafts.Read(HttpContext) is not { Sent: true } draft)
        {
            return Redirect("/account/reset");
        }

        Draft = draft;
        var done = await Api.CompleteResetAsync(draft.ChallengeId, Code?.Trim() ?? "", NewPassword ?? "");
        if (!done.Ok)
        {
            return Show(done.Problem!);
        }

        drafts.Delete(HttpContext);
        Notice = "Your password is changed. Sign in with your new password.";
        return Redirect("/sign-in");
    }
}
