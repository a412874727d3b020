namespace QppOrleans.Grains.Abstractions.Access;

public static class RequestStatus
{
    public const string Approved = "approved";
    public const string Pending = "pending";
    public const string Rejected = "rejected";
    public const string Denied = "denied";

    /// <summary>A-32: nobody decided it in time.</summary>
    public const string Expired = "expired";
}
