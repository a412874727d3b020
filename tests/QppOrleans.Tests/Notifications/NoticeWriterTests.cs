using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Notifications;
using QppOrleans.Tests.Events;

namespace QppOrleans.Tests.Notifications;

/// <summary>N-1: what people are told — the organization and what happened, nothing more.</summary>
public sealed class NoticeWriterTests
{
    private static readonly DateTimeOffset At = new(2021, 6, 30, 23, 59, 0, TimeSpan.Zero);

    public static TheoryData<DomainEvent> OrganizationEvents()
    {
        var member = new Recipient("ann", "Ann Lee", "ann@example.org");
        var so = new Recipient("sam", "Sam Roe", "sam@example.org");
        var org = Sample.Practice();
        return
        [
            new AccessRequested { OccurredAt = At, Organization = org, RequestId = "r1", Requester = member, Role = "staff-user", Notify = [member, so] },
            new AccessApproved { OccurredAt = At, Organization = org, RequestId = "r1", Member = member, Role = "staff-user", Notify = [member, so] },
            new AccessDenied { OccurredAt = At, Organization = org, RequestId = "r1", Member = member, Role = "staff-user", Reason = "Not our staff", Notify = [member] },
            new AccessRemoved { OccurredAt = At, Organization = org, Member = member, Role = "security-official", Notify = [member, so] },
            new RoleChanged { OccurredAt = At, Organization = org, Member = member, FromRole = "staff-user", ToRole = "security-official", Notify = [member, so] },
            new AccessEscalated { OccurredAt = At, Organization = org, Requester = member, Role = "security-official", Message = "Sent to the Service Center.", Notify = [member] },
            new RegistrationChanged { OccurredAt = At, Organization = org, PerformanceYear = 2021, Program = "cahps", Change = RegistrationChange.Cancelled, RegistrationId = "REG-1", Notify = [member] },
            new SamplingResultRecorded { OccurredAt = At, Organization = org, PerformanceYear = 2021, WebInterfaceAssignedPatients = 0, CahpsSampleMet = false, Notify = [member] },
        ];
    }

    [Theory]
    [MemberData(nameof(OrganizationEvents))]
    public void N1_Every_person_notified_gets_plain_text_naming_the_organization_without_its_full_TIN(DomainEvent domainEvent)
    {
        var notices = NoticeWriter.For(domainEvent);

        Assert.Equal(((OrganizationEvent)domainEvent).Notify, notices.Select(n => n.To));
        Assert.All(notices, notice =>
        {
            Assert.True(notice.OnScreen);
            Assert.Contains("Better Business Health", notice.Subject, StringComparison.Ordinal);
            Assert.Contains("Better Business Health (practice, TIN ending in 5630)", notice.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("000765630", notice.Subject + notice.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("<", notice.Body, StringComparison.Ordinal);
            Assert.StartsWith($"Hello {notice.To.Name},", notice.Body, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void N1_The_requester_and_the_Security_Officials_are_told_different_things()
    {
        var requester = new Recipient("ann", "Ann Lee", "ann@example.org");
        var so = new Recipient("sam", "Sam Roe", "sam@example.org");
        var notices = NoticeWriter.For(Sample.AccessRequested(requester, so));

        Assert.Contains("your request", notices[0].Subject, StringComparison.Ordinal);
        Assert.Contains("a new request to connect to", notices[1].Subject, StringComparison.Ordinal);
        Assert.Contains("approve or deny", notices[1].Body, StringComparison.Ordinal);
        Assert.Contains("signed up as \"Ann Lee\"", notices[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void N1_A_Security_Officials_subject_carries_nothing_the_requester_chose()
    {
        var requester = new Recipient("eve", "URGENT: wire $500 to account 1234 now", "eve@example.org");
        var so = new Recipient("sam", "Sam Roe", "sam@example.org");

        var toSecurityOfficial = NoticeWriter.For(Sample.AccessRequested(requester, so))[1];

        Assert.DoesNotContain("URGENT", toSecurityOfficial.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void N1_Registration_emails_name_the_program_the_change_and_the_registration_id()
    {
        var notice = Assert.Single(NoticeWriter.For(new RegistrationChanged
        {
            OccurredAt = At, Organization = Sample.Practice(), PerformanceYear = 2021, Program = "web-interface",
            Change = RegistrationChange.Submitted, RegistrationId = "REG-000123", Notify = [new Recipient(null, "Contact", "c@example.org")],
        }));

        Assert.Equal("QPP: CMS Web Interface registration submitted for Better Business Health", notice.Subject);
        Assert.Contains("The 2021 CMS Web Interface registration", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Registration ID: REG-000123", notice.Body, StringComparison.Ordinal);
        Assert.Contains("June 30, 2021 at 7:59 PM ET", notice.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A3_A_one_time_code_goes_to_its_owner_only_by_email_and_never_into_the_audit_or_a_log_line()
    {
        var code = new OneTimeCodeIssued
        {
            OccurredAt = At, Actor = "ann", To = new Recipient("ann", "Ann Lee", "ann@example.org"), Code = "493817", ExpiresAt = At.AddMinutes(5),
        };

        var notice = Assert.Single(NoticeWriter.For(code));
        Assert.False(notice.OnScreen);
        Assert.Equal("ann@example.org", notice.To.Email);
        Assert.Contains("493817", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("493817", AuditLine.For(code).Details, StringComparison.Ordinal);
        Assert.DoesNotContain("493817", code.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A30_The_audit_line_says_who_did_what_when_and_why()
    {
        var denied = new AccessDenied
        {
            OccurredAt = At, Actor = "sam", Organization = Sample.Practice(), RequestId = "r9",
            Member = new Recipient("ann", "Ann Lee", "ann@example.org"), Role = "staff-user", Reason = "Not our staff",
        };

        var line = AuditLine.For(denied);

        Assert.Equal(denied.EventId, line.EventId);
        Assert.Equal(At, line.At);
        Assert.Equal("sam", line.Actor);
        Assert.Equal("access-denied", line.Action);
        Assert.Equal("ann denied Staff User (request r9); reason: Not our staff", line.Details);
    }
}
