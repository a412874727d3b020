namespace QppOrleans.Bench;

/// <summary>
/// Portal reads: connected organizations, the registration record and the overview, in turn, by
/// the people of a surge.
/// </summary>
internal static class ReadsScenario
{
    public static RequestMix Mix(IReadOnlyList<(string Token, string RegistrationPath)> people, int year) => k =>
    {
        var (token, registration) = people[k % people.Count];
        var (kind, path) = (k % 3) switch
        {
            0 => ("me-organizations", "/api/me/organizations"),
            1 => ("registration", registration),
            _ => ("overview", $"/api/registrations/{year}"),
        };
        return (kind, SurgeScenario.Authorized(HttpMethod.Get, path, token, null));
    };

    /// <summary>
    /// The floor: the Development probe grain read (<c>GET /api/dev/probes/{name}</c>), one grain
    /// call through the same ASP.NET Core pipeline, no token and no storage once activated.
    /// </summary>
    public static RequestMix Floor(int probes) => k => ("probe", new HttpRequestMessage(HttpMethod.Get, $"/api/dev/probes/bench-{k % probes}"));
}
