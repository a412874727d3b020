namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// An operator-only grain method was called for someone who is not a provisioned operator. The
/// API's operator policy comes first; this is the grains' own check, answered with 403.
/// </summary>
[GenerateSerializer, Alias("qpp.OperatorRequiredException")]
public sealed class OperatorRequiredException : Exception
{
    public OperatorRequiredException()
        : base("Only an operator may do this.")
    {
    }

    public OperatorRequiredException(string message)
        : base(message)
    {
    }

    public OperatorRequiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
