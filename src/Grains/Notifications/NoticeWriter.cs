using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Notifications;

/// <summary>
/// Turns an event into the plain-text notices its recipients get. A notice names the
/// organization and what happened; it never holds a password, and a one-time code only goes
/// to the person it was issued to.
/// </summary>
public static class NoticeWriter
{
    private const string Footer =
        "\n\nThis message was sent by the Quality Payment Program (QPP). Do not reply to it.\n" +
        "CMS will never ask for your password or a verification code.";

    public static IReadOnlyList<Notice> For(DomainEvent domainEvent) => domainEvent switch
    {
        OneTimeCodeIssued { To.Email: null } code =>
        [
            new(code.To, "QPP verification code", $"Your QPP verification code is {code.Code}. It expires in 5 minutes. Never share it.", OnScreen: false),
        ],
        OneTimeCodeIssued code =>
        [
            new(code.To, "QPP: your verification code",
                $"Hello {code.To.Name},\n\nYour QPP verification code is {code.Code}. It expires at {Wording.Time(code.ExpiresAt)} " +
                "and can be used once. If you did not try to sign in, change your password." + Footer,
                OnScreen: false),
        ],
        AccessRequested e => Each(e, person => person.UserId == e.Requester.UserId
            ? ($"QPP Access: your request to connect to {e.Organization.Name}",
               $"Your request for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} was received " +
               $"on {Wording.Time(e.OccurredAt)}. A Security Official of the organization will approve or deny it.")
            : ($"QPP Access: {e.Requester.Name} asks to connect to {e.Organization.Name}",
               $"{e.Requester.Name} asked for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} " +
               $"on {Wording.Time(e.OccurredAt)}. Sign in to QPP to approve or deny the request.")),
        AccessApproved e => Each(e, person => person.UserId == e.Member.UserId
            ? ($"QPP Access: you are connected to {e.Organization.Name}",
               $"You now hold the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} (since {Wording.Time(e.OccurredAt)}).")
            : ($"QPP Access: {e.Member.Name} was connected to {e.Organization.Name}",
               $"{e.Member.Name} now holds the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} (since {Wording.Time(e.OccurredAt)}).")),
        AccessDenied e => Each(e, _ =>
            ($"QPP Access: request to connect to {e.Organization.Name} denied",
             $"The request of {e.Member.Name} for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} " +
             $"was denied on {Wording.Time(e.OccurredAt)}.{Reason(e.Reason)}")),
        AccessRemoved e => Each(e, _ =>
            ($"QPP Access: role removed at {e.Organization.Name}",
             $"The {Wording.Role(e.Role)} role of {e.Member.Name} at {Wording.Organization(e.Organization)} " +
             $"was removed on {Wording.Time(e.OccurredAt)}.{Reason(e.Reason)}")),
        RoleChanged e => Each(e, _ =>
            ($"QPP Access: role changed at {e.Organization.Name}",
             $"The role of {e.Member.Name} at {Wording.Organization(e.Organization)} was changed from {Wording.Role(e.FromRole)} " +
             $"to {Wording.Role(e.ToRole)} by the QPP Service Center on {Wording.Time(e.OccurredAt)}.")),
        AccessEscalated e => Each(e, _ =>
            ($"QPP Access: your request for {e.Organization.Name} was sent to the QPP Service Center",
             $"{e.Message}\n\nYour request for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} " +
             "is now with the QPP Service Center, who will contact you.")),
        RegistrationChanged e => Each(e, _ =>
            ($"QPP: {Wording.Program(e.Program)} registration {Verb(e.Change)} for {e.Organization.Name}",
             $"The {e.PerformanceYear} {Wording.Program(e.Program)} registration of {Wording.Organization(e.Organization)} " +
             $"was {Verb(e.Change)} on {Wording.Time(e.OccurredAt)}.\nRegistration ID: {e.RegistrationId}")),
        SamplingResultRecorded e => Each(e, _ =>
            ($"QPP: {e.PerformanceYear} sampling results for {e.Organization.Name}",
             $"The {e.PerformanceYear} sampling results for {Wording.Organization(e.Organization)} are available.\n" +
             $"CMS Web Interface: {e.WebInterfaceAssignedPatients} assigned Medicare patients.\n" +
             $"CAHPS for MIPS Survey: the sample size {(e.CahpsSampleMet ? "was" : "was not")} met.")),
        _ => [],
    };

    private static Notice[] Each(OrganizationEvent e, Func<Recipient, (string Subject, string Text)> write) =>
        e.Notify.Select(person =>
        {
            var (subject, text) = write(person);
            return new Notice(person, subject, $"Hello {person.Name},\n\n{text}{Footer}", OnScreen: true);
        }).ToArray();

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $"\nReason: {reason}";

    private static string Verb(RegistrationChange change) => change switch
    {
        RegistrationChange.Submitted => "submitted",
        RegistrationChange.Modified => "modified",
        _ => "cancelled",
    };
}
