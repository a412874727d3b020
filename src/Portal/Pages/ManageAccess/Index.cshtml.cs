using Microsoft.AspNetCore.Mvc;
using QppOrleans.WebPortal.Api;
using QppOrleans.WebPortal.Pages.Shared;

namespace QppOrleans.WebPortal.Pages.ManageAccess;

/// <summary>R-12: connected organizations by tab, users, role, both programs' status; edit actions for Security Officials.</summary>
public sealed class ManageAccessModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Tab { get; set; }

    public (string Tab, string Label, ConnectedOrganization[] List)[] Tabs { get; private set; } = [];

    public ConnectedOrganization[] Shown => Tabs.FirstOrDefault(t => t.Tab == Tab).List ?? [];

    public MyRequest[] Requests { get; private set; } = [];

    public Pagination? RequestPages { get; private set; }

    /// <summary>The year to register for, when the person is a Security Official of an organization that registers.</summary>
    public int? RegistrationYear { get; private set; }

    public string TabNoun(int count) => Tab switch
    {
        "apm-entities" => count == 1 ? "APM Entity" : "APM Entities",
        "registries" => count == 1 ? "Registry" : "Registries",
        "virtual-groups" => count == 1 ? "Virtual Group" : "Virtual Groups",
        _ => count == 1 ? "Practice" : "Practices",
    };

    public async Task<IActionResult> OnGetAsync()
    {
        var organizations = await Api.MyOrganizationsAsync();
        var requests = await Api.MyRequestsAsync(Paging);
        if (!organizations.Ok)
        {
            return Show(organizations.Problem!);
        }

        var found = organizations.Value!;
        Tabs =
        [
            ("apm-entities", "APM ENTITIES", found.ApmEntities),
            ("registries", "REGISTRIES", found.Registries),
            ("practices", "PRACTICES", found.Practices),
            ("virtual-groups", "VIRTUAL GROUPS", found.VirtualGroups),
        ];
        if (Tab is null || Tabs.All(t => t.Tab != Tab))
        {
            Tab = found.Practices.Length > 0 || !found.All.Any() ? "practices" : Tabs.First(t => t.List.Length > 0).Tab;
        }

        RegistrationYear = Shown.Where(o => o.Role == Roles.SecurityOfficial).Select(o => o.Registration?.PerformanceYear).FirstOrDefault(y => y is not null);
        Requests = requests.Value ?? [];
        RequestPages = requests.Ok ? PaginationOf(requests, "Pages of your role requests") : null;
        return Page();
    }
}
