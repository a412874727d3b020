using Microsoft.AspNetCore.Mvc;

namespace QppOrleans.WebPortal.Pages.Admin;

/// <summary>A-15: the operators' import of roles that arrive from ACO-MS for Shared Savings Program ACOs.</summary>
public sealed class RoleImportModel : ImportPage
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync() => ImportAsync("api/admin/roles");
}
