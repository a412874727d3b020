using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace QppOrleans.WebPortal.Pages.Registration;

/// <summary>The registration of the current performance year: <c>Portal:PerformanceYear</c>, else the year the API shows with connected organizations .</summary>
public sealed class RegistrationStartModel(IConfiguration configuration) : PortalPage
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (int.TryParse(configuration["Portal:PerformanceYear"] ?? configuration["Registration:CurrentYear"], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return Redirect($"/registration/{year}");
        }

        var organizations = await Api.MyOrganizationsAsync();
        var shown = organizations.Value?.All.Select(o => o.Registration?.PerformanceYear).FirstOrDefault(y => y is not null);
        return Redirect($"/registration/{shown ?? DateTimeOffset.UtcNow.Year}");
    }
}
