using Microsoft.AspNetCore.Mvc;

namespace QppOrleans.WebPortal.Pages.Admin;

/// <summary>A-11: the operators' directory import.</summary>
public sealed class DirectoryImportModel : ImportPage
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => ImportAsync("api/admin/directory");
}
