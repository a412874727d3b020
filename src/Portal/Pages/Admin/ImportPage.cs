using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Admin;

/// <summary>An operator's NDJSON upload, streamed on to the API; the counts and the rejected lines come back.</summary>
public abstract class ImportPage : PortalPage
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportReport? Report { get; private set; }

    protected async Task<IActionResult> ImportAsync(string path)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Problem = new Problem(400, "Choose a file", "Choose the NDJSON file to import.", "validation-failed", null);
            return Page();
        }

        await using var body = Upload.OpenReadStream();
        var result = await Api.ImportAsync(path, body, HttpContext.RequestAborted);
        if (!result.Ok)
        {
            return Show(result.Problem!);
        }

        Report = result.Value;
        return Page();
    }
}
