using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Pages.Connect;

/// <summary>One organization's own outcome, with the name it was picked by.</summary>
public sealed record ConnectOutcome(string OrgId, string Name, string Role, RequestOutcome Result);
