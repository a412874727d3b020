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
        // An expired code is kept without its digits (UserState.ForgetExpiredCodes): nothing to send.
        OneTimeCodeIssued { Code.Length: 0 } => [],
        OneTimeCodeIssued { To.Email: null } code =>
        [
            new(code.To, "QPP verification code", $"Your QPP verification code is {code.Code}. It expires in 5 minutes. Never share it.", OnScreen: false),
        ],
        OneTimeCodeIssued code =>
        [
            new(code.To, "QPP: your verification code",
                $"Hello {code.To.Name},\n\nYour QPP verification code is {code.Code}. It expires at {Wording.Time(code.ExpiresAt)} " +
                $"and can be used once. {CodeWarning(code.Purpose)}" + Footer,
                OnScreen: false),
        ],
        AccountChanged { Change: AccountChanges.SignedOut } => [],
        AccountChanged e =>
        [
            new(e.Owner, $"QPP: {AccountSubject(e.Change)}",
                $"Hello {e.Owner.Name},\n\n{AccountText(e)} This happened on {Wording.Time(e.OccurredAt)}.\n\n" +
                "If this was not you, reset your password at once and contact the QPP Service Center at qpp@cms.hhs.gov." + Footer,
                OnScreen: true),
        ],
        AccessRequested e => Each(e, person => person.UserId == e.Requester.UserId
            ? ($"QPP Access: your request to connect to {e.Organization.Name}",
               $"Your request for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} was received " +
               $"on {Wording.Time(e.OccurredAt)}. A Security Official of the organization will approve or deny it.")
            // The subject carries nothing the requester chose: a name typed at sign-up must not become a phishing headline.
            : ($"QPP Access: a new request to connect to {e.Organization.Name}",
               $"Someone who signed up as \"{e.Requester.Name}\" (user id {e.Requester.UserId}) asked for the {Wording.Role(e.Role)} role at " +
               $"{Wording.Organization(e.Organization)} on {Wording.Time(e.OccurredAt)}. Sign in to QPP to approve or deny the request; " +
               "approve it only if you know this person works for the organization.")),
        AccessApproved e => Each(e, person => person.UserId == e.Member.UserId
            ? ($"QPP Access: you are connected to {e.Organization.Name}",
               $"You now hold the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} (since {Wording.Time(e.OccurredAt)}).")
            : ($"QPP Access: {e.Member.Name} was connected to {e.Organization.Name}",
               $"{e.Member.Name} now holds the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} (since {Wording.Time(e.OccurredAt)}).")),
        AccessRequestReminded e => Each(e, _ =>
            ($"QPP Access: a request to connect to {e.Organization.Name} is waiting for you",
             $"A request for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} (user id {e.Requester.UserId}) has waited " +
             $"since {Wording.Time(e.RequestedAt)}. Sign in to QPP to approve or deny it; if nobody decides, it will expire.")),
        AccessRequestExpired e => Each(e, person => person.UserId == e.Requester.UserId
            ? ($"QPP Access: your request to connect to {e.Organization.Name} expired",
               $"Your request for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} expired on {Wording.Time(e.OccurredAt)}.{Reason(e.Reason)}")
            : ($"QPP Access: a request to connect to {e.Organization.Name} expired",
               $"The request of user id {e.Requester.UserId} for the {Wording.Role(e.Role)} role at {Wording.Organization(e.Organization)} " +
               $"expired on {Wording.Time(e.OccurredAt)} because nobody decided it.")),
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
             $"CAHPS for MIPS Survey: the sample size {(e.CahpsSampleMet ? "was" : "was not")} met." +
             (e.WebInterfaceFlagged ? "\n\n" + WebInterfaceSamplingFailed : "") +
             (e.CahpsFlagged ? "\n\n" + CahpsSamplingFailed : ""))),
        _ => [],
    };

    private static Notice[] Each(OrganizationEvent e, Func<Recipient, (string Subject, string Text)> write) =>
        e.Notify.Select(person =>
        {
            var (subject, text) = write(person);
            return new Notice(person, subject, $"Hello {person.Name},\n\n{text}{Footer}", OnScreen: true);
        }).ToArray();

    /// <summary>R-13, in the registration guide's words: what zero assigned patients means.</summary>
    public const string WebInterfaceSamplingFailed =
        "Your organization doesn't have any Medicare patients assigned for the CMS Web Interface measures, so we can't populate a patient sample " +
        "and it can't submit quality data through the CMS Web Interface. The organization won't meet the CMS Web Interface data submission " +
        "criteria and will need to submit quality measures from another collection type (electronic clinical quality measures (eCQMs) or " +
        "MIPS clinical quality measures (MIPS CQMs)).";

    /// <summary>R-13, in the registration guide's words: what a missed minimum sample means.</summary>
    public const string CahpsSamplingFailed =
        "Your organization doesn't meet the minimum patient sampling requirements for the CAHPS for MIPS Survey, so it won't be able to administer " +
        "the CAHPS for MIPS Survey. Organizations that don't meet the minimum patient sampling requirements won't be able to attest to Participation " +
        "in CAHPS or Other Supplemental Questionnaire (IA_PSPA_11) and must select a different activity for the improvement activities performance " +
        "category; won't be able to supplement their quality score with points associated with the administration of the CAHPS for MIPS Survey; " +
        "and may qualify for a denominator reduction in the quality performance category if they are not submitting quality data through the " +
        "CMS Web Interface. Shared Savings Program ACOs that don't meet the minimum patient sampling requirement will receive a denominator reduction.";

    private static string CodeWarning(string purpose) => purpose switch
    {
        CodePurposes.PasswordReset => "Someone asked to reset the password of your QPP account; if it was not you, ignore this message and your password stays as it is.",
        CodePurposes.NewDevice => "It confirms that this address may receive your QPP verification codes; if you did not add it, ignore this message.",
        CodePurposes.Confirmation => "It confirms a change to your password or verification devices; if you did not ask for it, change your password.",
        _ => "If you did not try to sign in, change your password.",
    };

    private static string AccountSubject(string change) => change switch
    {
        AccountChanges.SignedOutEverywhere => "you were signed out everywhere",
        AccountChanges.PasswordChanged => "your password was changed",
        AccountChanges.PasswordReset => "your password was reset",
        AccountChanges.DeviceAdded => "a verification device was added",
        AccountChanges.DeviceRemoved => "a verification device was removed",
        AccountChanges.CodesLocked => "sign-in paused after wrong verification codes",
        AccountChanges.OperatorProvisioned => "your operator account was set up",
        _ => "your account changed",
    };

    private static string AccountText(AccountChanged e) => e.Change switch
    {
        AccountChanges.SignedOutEverywhere => "Every session of your QPP account was signed out.",
        AccountChanges.PasswordChanged => "The password of your QPP account was changed.",
        AccountChanges.PasswordReset => "The password of your QPP account was reset with a verification code, and every session was signed out.",
        AccountChanges.DeviceAdded => $"{e.Detail} was added as a verification device of your QPP account.",
        AccountChanges.DeviceRemoved => $"{e.Detail} was removed from the verification devices of your QPP account.",
        AccountChanges.CodesLocked => "Too many wrong verification codes were entered for your QPP account, so its open sign-ins were closed for 15 minutes.",
        AccountChanges.OperatorProvisioned => "Your QPP operator account was set up, or its password and devices were set again, and every session was signed out.",
        _ => "Your QPP account changed.",
    };

    private static string Reason(string? reason) => string.IsNullOrWhiteSpace(reason) ? "" : $"\nReason: {reason}";

    private static string Verb(RegistrationChange change) => change switch
    {
        RegistrationChange.Submitted => "submitted",
        RegistrationChange.Modified => "modified",
        _ => "cancelled",
    };
}
