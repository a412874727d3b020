namespace QppOrleans.WebPortal.Api;

/// <summary>The API refused the person's token (expired, signed out elsewhere): the portal session is over.</summary>
public sealed class SessionEndedException : Exception
{
    public SessionEndedException()
        : base("The API refused the session's token.")
    {
    }

    public SessionEndedException(string message)
        : base(message)
    {
    }

    public SessionEndedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
