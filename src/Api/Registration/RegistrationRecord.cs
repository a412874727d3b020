using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Api.Registration;

/// <summary>
/// What every handler of <c>/api/registrations/{py}/{orgType}/{orgId}</c> takes, bound as one
/// <c>[AsParameters]</c> bundle: the route, the signed-in person and the services.
/// </summary>
internal sealed record RegistrationRecord(int Py, string OrgType, string OrgId, ClaimsPrincipal User, HttpContext Http, IGrainFactory Grains, IOptionsMonitor<RegistrationOptions> Options)
{
    public string Person => User.UserId();

    /// <summary>The registration's grain, or null where R-1 says there is none.</summary>
    public IRegistrationGrain? Find() => RegistrationApi.Find(Grains, Options.CurrentValue, Py, OrgType, OrgId);

    /// <summary>
    /// Runs a write for the signed-in Security Official, honouring If-Match: the result, with the
    /// new version in the response's ETag, or the refusal's problem.
    /// </summary>
    public async Task<(RegistrationResult? Written, ProblemHttpResult? Refusal)> WriteAsync(
        Func<IRegistrationGrain, string, long?, Task<RegistrationResult>> command)
    {
        if (Find() is not { } registration)
        {
            return (null, RefusalProblems.For(RegistrationMessages.NotFound));
        }

        var result = await command(registration, Person, IfMatch());
        if (result.Refusal is { } refusal)
        {
            return (null, RefusalProblems.For(refusal));
        }

        Tag(result.View!);
        return (result, null);
    }

    /// <summary>API.md <c>GET {base}</c>, its version in the ETag.</summary>
    public Ok<RegistrationBody> Body(RegistrationView view, ContactDraft? draft = null)
    {
        Tag(view);
        return TypedResults.Ok(new RegistrationBody(view.OrgType, view.OrgId, view.PerformanceYear, view.RegistrationId, view.Size, view.Organization,
            view.Contacts, view.WebInterface, view.Cahps, view.Sampling, draft));
    }

    private void Tag(RegistrationView view) => Http.Response.Headers.ETag = $"\"{view.Version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// The version an <c>If-Match</c> names: none for no header or <c>*</c>; the number of <c>"12"</c> or
    /// <c>W/"12"</c>; and for any other tag one no version ever has, since a tag this server never
    /// issued is a mismatch like any other (RFC 9110 §13.1.1: 412, not 400).
    /// </summary>
    private long? IfMatch()
    {
        var header = Http.Request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*")
        {
            return null;
        }

        var tag = header.StartsWith("W/", StringComparison.Ordinal) ? header[2..] : header;
        return tag.Length > 2 && tag[0] == '"' && tag[^1] == '"' && long.TryParse(tag[1..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : NeverIssued;
    }

    /// <summary>Versions start at 0 and only grow.</summary>
    private const long NeverIssued = -1;
}
