using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Api.Errors;

/// <summary>
/// The one way a core's refusal becomes a problem: its code decides the status, its message is the
/// detail, its title (or the status's) the title.
/// </summary>
internal static class RefusalProblems
{
    public static ProblemHttpResult For(Refusal refusal)
    {
        var (status, title) = refusal.Code switch
        {
            RefusalCodes.NotFound => (StatusCodes.Status404NotFound, "Not found."),
            RefusalCodes.Forbidden => (StatusCodes.Status403Forbidden, "Not allowed."),
            RefusalCodes.PreconditionFailed => (StatusCodes.Status412PreconditionFailed, "The record changed."),
            RefusalCodes.InvalidCode => (StatusCodes.Status400BadRequest, "The code is not valid."),
            RefusalCodes.WrongPassword => (StatusCodes.Status400BadRequest, "The password is not right."),
            RefusalCodes.Locked => (StatusCodes.Status423Locked, "Locked for now."),
            _ => (StatusCodes.Status409Conflict, "The request conflicts with the record."),
        };
        return ApiProblems.Problem(status, refusal.Code, refusal.Title ?? title, refusal.Message);
    }
}
