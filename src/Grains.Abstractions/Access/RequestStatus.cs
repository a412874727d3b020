namespace QppOrleans.Grains.Abstractions.Access;

public static class RequestStatus
{
    /// <summary>Requests a person may have waiting (for a Security Official or the Service Center) before asking for more is refused.</summary>
    public const int MaxOpenPerPerson = 20;

    /// <summary>A-26: the id under which a person's request for an organization waits for the Service Center.</summary>
    public static string EscalationId(Events.OrganizationRef organization) => $"service-center/{organization.OrgType}/{organization.OrgId}";

    public const string Approved = "approved";
    public const string Pending = "pending";
    public const string Rejected = "rejected";
    public const string Denied = "denied";

    /// <summary>A-26: sent to the Service Center after three failed validations.</summary>
    public const string Escalated = "escalated";

    /// <summary>A-32: nobody decided it in time.</summary>
    public const string Expired = "expired";
}
