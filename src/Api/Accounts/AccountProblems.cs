using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Api.Accounts;

/// <summary>How a refused change to a person's credentials answers: the core's code and message, with the status the code stands for.</summary>
internal static class AccountProblems
{
    public static ProblemHttpResult For(Refusal refusal) => refusal.Code switch
    {
        "not-found" => ApiProblems.NotFound(refusal.Message),
        "invalid-code" => ApiProblems.Problem(400, refusal.Code, "The code is not valid.", refusal.Message),
        "wrong-password" => ApiProblems.Problem(400, refusal.Code, "The password is not right.", refusal.Message),
        "locked" => ApiProblems.Problem(423, refusal.Code, "Locked for now.", refusal.Message),
        _ => ApiProblems.Problem(409, refusal.Code, "The change conflicts with the account.", refusal.Message),
    };
}
