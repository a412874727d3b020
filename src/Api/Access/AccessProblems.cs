using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions.Access;

namespace QppOrleans.Api.Access;

/// <summary>How a refused access command answers: 404 where existence must not leak, 403, 409.</summary>
internal static class AccessProblems
{
    public static ProblemHttpResult For(AccessError error) => error switch
    {
        AccessError.NotSecurityOfficial => ApiProblems.Problem(403, "forbidden", "Not allowed.", "Only a Security Official of this organization may do this."),
        AccessError.NoSuchRequest => ApiProblems.NotFound("There is no such access request at this organization."),
        AccessError.NoSuchMember => ApiProblems.NotFound("This person holds no role at this organization."),
        AccessError.RequestNotPending => ApiProblems.Problem(409, "request-not-pending", "The request was already decided.", "This request is no longer pending."),
        AccessError.LastSecurityOfficial => ApiProblems.Problem(409, "last-security-official", "The last Security Official cannot leave.",
            "You are the only Security Official of this organization, so you cannot remove your own role. Ask the QPP Service Center."),
        AccessError.NoEscalation => ApiProblems.Problem(409, "no-escalation", "Nothing to resolve.", "This person has no request waiting for the Service Center at this organization."),
        _ => ApiProblems.NotFound("There is no such organization."),
    };
}
