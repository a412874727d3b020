using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Tests.Events;

/// <summary>Events with fresh people and organizations, so tests never see each other's messages.</summary>
internal static class Sample
{
    public static Recipient Person(string role)
    {
        var id = $"{role}-{Guid.NewGuid():N}"[..20];
        return new Recipient(id, $"{role} {id[^4..]}", $"{id}@example.org");
    }

    public static OrganizationRef Practice() => new("practice", "000765630", "Better Business Health");

    public static AccessRequested AccessRequested(Recipient requester, params Recipient[] securityOfficials) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow,
        Actor = requester.UserId!,
        Organization = Practice(),
        RequestId = $"req-{Guid.NewGuid():N}",
        Requester = requester,
        Role = "staff-user",
        Notify = [requester, .. securityOfficials],
    };

    public static AccessEscalated AccessEscalated(Recipient requester) => new()
    {
        OccurredAt = DateTimeOffset.UtcNow,
        Actor = requester.UserId!,
        Organization = Practice(),
        Requester = requester,
        Role = "security-official",
        Message = "We were unable to validate your request. Your request has been sent to the QPP Service Center.",
        Notify = [requester],
    };
}
