using Microsoft.AspNetCore.Http.HttpResults;

namespace QppOrleans.Api.Errors;

/// <summary>Problem results with the stable machine <c>code</c> the contract promises.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string code, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { [ProblemCodes.Key] = code });

    public static ProblemHttpResult NotFound(string detail) => Problem(404, "not-found", "Not found.", detail);

    public static ValidationProblem Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 400 naming the fields that are wrong, with code <c>validation-failed</c>.</summary>
    public static ValidationProblem Invalid(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(
        errors,
        detail: string.Join(" ", errors.Values.SelectMany(m => m)),
        title: "The request is not valid.",
        extensions: new Dictionary<string, object?> { [ProblemCodes.Key] = "validation-failed" });
}
