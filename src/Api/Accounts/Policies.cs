namespace QppOrleans.Api.Accounts;

public static class Policies
{
    /// <summary>The caller's user id is listed in <c>Access:Operators</c>.</summary>
    public const string Operator = "operator";
}
