using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

/// <summary>The audit trail's line for an event: who, what, when, why. Never a code or a secret.</summary>
public static class AuditLine
{
    /// <summary>
    /// Whether the audit trail keeps the event. A registration's changes are not copied into one:
    /// the registration's own history records each of them with the actor's role and the
    /// values before and after, and is the one place they are kept and shown.
    /// </summary>
    public static bool Keeps(DomainEvent e) => e is not (RegistrationChanged or SamplingResultRecorded);

    public static AuditEntry For(DomainEvent e) => new(e.EventId, e.OccurredAt, e.Actor, Action(e), Details(e));

    private static string Action(DomainEvent e) => e switch
    {
        OneTimeCodeIssued => "one-time-code-sent",
        AccountChanged a => $"account-{a.Change}",
        AccessRequested => "access-requested",
        AccessApproved => "access-approved",
        AccessDenied => "access-denied",
        AccessRemoved => "access-removed",
        AccessEscalated => "access-escalated",
        AccessRequestReminded => "access-request-reminded",
        AccessRequestExpired => "access-request-expired",
        RoleChanged => "role-changed",
        RegistrationChanged r => $"registration-{r.Change.ToString().ToLowerInvariant()}",
        SamplingResultRecorded => "sampling-recorded",
        _ => e.GetType().Name,
    };

    private static string Details(DomainEvent e) => e switch
    {
        OneTimeCodeIssued c => $"Verification code ({c.Purpose}) sent to {c.To.Name}; expires {c.ExpiresAt:O}",
        AccountChanged a => a.Detail ?? "",
        AccessRequested r => $"{r.Requester.UserId} requested {Wording.Role(r.Role)} (request {r.RequestId})",
        AccessApproved a => $"{a.Member.UserId} granted {Wording.Role(a.Role)} (request {a.RequestId})",
        AccessDenied d => $"{d.Member.UserId} denied {Wording.Role(d.Role)} (request {d.RequestId}){Why(d.Reason)}",
        AccessRemoved r => $"{r.Member.UserId} removed from {Wording.Role(r.Role)}{Why(r.Reason)}",
        RoleChanged c => $"{c.Member.UserId} changed from {Wording.Role(c.FromRole)} to {Wording.Role(c.ToRole)}",
        AccessRequestReminded r => $"Security Officials reminded of {r.Requester.UserId}'s request for {Wording.Role(r.Role)} (request {r.RequestId})",
        AccessRequestExpired x => $"{x.Requester.UserId}'s request for {Wording.Role(x.Role)} expired (request {x.RequestId}): {x.Reason}",
        AccessEscalated x => $"{x.Requester.UserId} sent to the Service Center for {Wording.Role(x.Role)}: {x.Message}",
        RegistrationChanged r => $"{r.PerformanceYear} {Wording.Program(r.Program)} {r.RegistrationId}",
        SamplingResultRecorded s => $"{s.PerformanceYear}: {s.WebInterfaceAssignedPatients} assigned patients, CAHPS sample met: {s.CahpsSampleMet}",
        _ => "",
    };

    private static string Why(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $"; reason: {reason}";
}
