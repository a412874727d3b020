using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Session;

namespace QppOrleans.WebPortal.Pages.Settings;

/// <summary>A-9: devices added and removed, each change behind a fresh code; a new device proves itself with a code of its own.</summary>
public sealed class DevicesModel(SealedCookie<DeviceDraft> drafts) : PortalPage
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? Address { get; set; }

    [BindProperty]
    public string? DeviceId { get; set; }

    [BindProperty]
    public string? SendTo { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    public Device[] Devices { get; private set; } = [];

    public DeviceDraft? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] bool again = false)
    {
        if (again)
        {
            drafts.Delete(HttpContext);
        }
        else
        {
            Draft = drafts.Read(HttpContext);
        }

        if (Draft is null)
        {
            await ListAsync();
        }

        return Page();
    }

    public Task<IActionResult> OnPostAddAsync() => StartAsync("add");

    public Task<IActionResult> OnPostRemoveAsync() => StartAsync("remove");

    public async Task<IActionResult> OnPostSendAsync()
    {
        if (drafts.Read(HttpContext) is not { } draft)
        {
            return Redirect("/settings/devices");
        }

        Draft = draft;
        var sent = await Api.SendCodeAsync(draft.ChallengeId, SendTo ?? "");
        if (!sent.Ok)
        {
            return Show(sent.Problem!);
        }

        drafts.Write(HttpContext, draft with { Sent = true });
        return Redirect("/settings/devices");
    }

    public async Task<IActionResult> OnPostApplyAsync()
    {
        if (drafts.Read(HttpContext) is not { Sent: true } draft)
        {
            return Redirect("/settings/devices");
        }

        Draft = draft;
        var code = Code?.Trim() ?? "";
        if (draft.Action == "remove")
        {
            var removed = await Api.RemoveDeviceAsync(draft.DeviceId ?? "", draft.ChallengeId, code);
            if (!removed.Ok)
            {
                return Show(removed.Problem!);
            }

            drafts.Delete(HttpContext);
            Notice = "The device is removed.";
            return Redirect("/settings/devices");
        }

        var added = await Api.AddDeviceAsync(draft.Kind ?? "", draft.Address ?? "", draft.ChallengeId, code);
        if (!added.Ok)
        {
            return Show(added.Problem!);
        }

        drafts.Write(HttpContext, draft with { PendingDeviceId = added.Value!.DeviceId });
        return Redirect("/settings/devices");
    }

    public async Task<IActionResult> OnPostConfirmAsync()
    {
        if (drafts.Read(HttpContext) is not { PendingDeviceId: { } pending } draft)
        {
            return Redirect("/settings/devices");
        }

        Draft = draft;
        var confirmed = await Api.ConfirmDeviceAsync(pending, Code?.Trim() ?? "");
        if (!confirmed.Ok)
        {
            return Show(confirmed.Problem!);
        }

        drafts.Delete(HttpContext);
        Notice = $"{draft.Address} is added.";
        return Redirect("/settings/devices");
    }

    private async Task<IActionResult> StartAsync(string action)
    {
        var opened = await Api.ConfirmationAsync();
        if (!opened.Ok)
        {
            await ListAsync();
            return Show(opened.Problem!);
        }

        drafts.Write(HttpContext, new DeviceDraft(action, Kind, Address?.Trim(), DeviceId, opened.Value!.ChallengeId, opened.Value.Devices, false, null));
        return Redirect("/settings/devices");
    }

    private async Task ListAsync()
    {
        var devices = await Api.DevicesAsync();
        if (devices.Ok)
        {
            Devices = devices.Value!;
        }
        else
        {
            Problem = devices.Problem;
        }
    }
}
