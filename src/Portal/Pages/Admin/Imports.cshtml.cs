using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace QppOrleans.WebPortal.Pages.Admin;

/// <summary>R-10 and R-13: the operators' registration imports for a performance year.</summary>
public sealed class RegistrationImportsModel(IConfiguration configuration) : ImportPage
{
    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public int Py { get; set; }

    public void OnGet() =>
        Py = int.TryParse(configuration["Portal:PerformanceYear"] ?? configuration["Registration:CurrentYear"], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : DateTimeOffset.UtcNow.Year;

    public Task<IActionResult> OnPostAsync() =>
        ImportAsync($"api/admin/registrations/{Py}/{(Kind == "sampling" ? "sampling" : "auto")}");
}
