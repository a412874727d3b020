namespace QppOrleans.Api.Accounts;

public static class Policies
{
    /// <summary>The caller's user id is listed in <c>Access:Operators</c>.</summary>
    public const string Operator = "operator";

    /// <summary>Needs a signed-in person's token: 401 without one (documented, like every refusal).</summary>
    public static TBuilder RequireSignedIn<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);

    /// <summary>Needs an operator's token: 401 without a token, 403 for anyone else.</summary>
    public static TBuilder RequireOperator<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(Operator).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
}
