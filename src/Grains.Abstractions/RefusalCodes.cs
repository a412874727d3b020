namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// The refusal codes that stand for something other than a conflict with the state (409): the
/// API answers them with their own status. Every other code is a 409.
/// </summary>
public static class RefusalCodes
{
    /// <summary>404: nothing there — or nothing the caller may learn of .</summary>
    public const string NotFound = "not-found";

    /// <summary>403: the caller is connected but the role does not allow it.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>412: the state changed since the caller read it (If-Match).</summary>
    public const string PreconditionFailed = "precondition-failed";

    /// <summary>400: a one-time code that is wrong or expired.</summary>
    public const string InvalidCode = "invalid-code";

    /// <summary>400: the current password given to change it is not right.</summary>
    public const string WrongPassword = "wrong-password";

    /// <summary>423: too many failures; the account waits.</summary>
    public const string Locked = "locked";
}
