using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Access;
using QppOrleans.Grains.Directory;
using QppOrleans.Grains.Notifications;

namespace QppOrleans.Tests.Access;

/// <summary>The rules of connecting to one organization (A-21 … A-30), without Orleans.</summary>
public sealed class OrganizationAccessTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly OrganizationRef Bbh = new("practice", "000765630", "Better Business Health");
    private static readonly Person Sam = new("sam", "Sam Roe", "sam@example.org");
    private static readonly Person Ann = new("ann", "Ann Lee", "ann@example.org");
    private static readonly Person Bob = new("bob", "Bob Ray", "bob@example.org");

    private readonly OrganizationState state = new();

    private static Verdict? Valid() => null;

    private static Verdict? Invalid() => new(AccessMessages.TinPtanMismatch, IsAttempt: true);

    [Fact]
    public void A21_Nobody_asks_for_Staff_User_before_there_is_a_Security_Official()
    {
        var outcome = Access().Request(Ann, Roles.StaffUser, false, Valid);

        Assert.Equal((RequestStatus.Rejected, "security-official-required"), (outcome.Status, outcome.Code));
        Assert.Empty(state.Members);
    }

    [Fact]
    public void A22_A_valid_first_Security_Official_is_approved_at_once_and_told_so()
    {
        var access = Access();
        var outcome = access.Request(Sam, Roles.SecurityOfficial, false, Valid);

        Assert.Equal(RequestStatus.Approved, outcome.Status);
        Assert.Equal(Roles.SecurityOfficial, state.Members["sam"].Role);
        var approved = Assert.IsType<AccessApproved>(Assert.Single(access.Events));
        Assert.Equal(("sam", Roles.SecurityOfficial, Bbh, "sam"), (approved.Member.UserId, approved.Role, approved.Organization, approved.Actor));
        Assert.Equal(["sam"], approved.Notify.Select(r => r.UserId));
    }

    [Fact]
    public void A23_Later_requests_give_no_validation_and_wait_for_a_Security_Official_who_is_told()
    {
        WithSecurityOfficial();
        var access = Access();
        var validated = false;

        var outcome = access.Request(Ann, Roles.StaffUser, false, () => { validated = true; return Invalid(); });
        var again = access.Request(Ann, Roles.StaffUser, false, Valid);
        var second = access.Request(Bob, Roles.SecurityOfficial, false, Invalid);

        Assert.False(validated);
        Assert.Equal(RequestStatus.Pending, outcome.Status);
        Assert.Equal(outcome.RequestId, again.RequestId);
        Assert.Equal(RequestStatus.Pending, second.Status);
        var requested = Assert.IsType<AccessRequested>(access.Events[0]);
        Assert.Equal(["ann", "sam"], requested.Notify.Select(r => r.UserId));
        Assert.Equal(2, access.Events.Count);
    }

    [Fact]
    public void A25_Asking_for_a_role_one_holds_is_refused_with_the_seed_s_message()
    {
        WithSecurityOfficial();

        var outcome = Access().Request(Sam, Roles.SecurityOfficial, false, Valid);

        Assert.Equal(("already-connected", "Our records show that you already have the account access you requested."), (outcome.Code, outcome.Message));
    }

    [Fact]
    public void A15_A_Shared_Savings_Program_ACO_is_refused_with_a_pointer_to_ACO_MS()
    {
        var outcome = Access().Request(Sam, Roles.SecurityOfficial, sharedSavingsProgram: true, Valid);

        Assert.Equal("aco-ms", outcome.Code);
        Assert.Contains("ACO-MS", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A26_The_third_failed_validation_goes_to_the_Service_Center_and_later_attempts_are_refused_until_it_resolves()
    {
        var first = Access().Request(Sam, Roles.SecurityOfficial, false, Invalid);
        var second = Access().Request(Sam, Roles.SecurityOfficial, false, Invalid);
        var access = Access();
        var third = access.Request(Sam, Roles.SecurityOfficial, false, Invalid);
        var fourth = Access().Request(Sam, Roles.SecurityOfficial, false, Valid);

        Assert.Equal(["tin-ptan-mismatch", "tin-ptan-mismatch", "attempt-limit", "attempt-limit"], new[] { first, second, third, fourth }.Select(o => o.Code));
        Assert.StartsWith("We have attempted to complete your request three times. Your request has been sent to the Service Center.", third.Message, StringComparison.Ordinal);
        var escalated = Assert.IsType<AccessEscalated>(Assert.Single(access.Events));
        Assert.Equal(third.Message, escalated.Message);

        var resolving = Access();
        Assert.Null(resolving.ResolveEscalation("operator", "sam", approve: true, note: "Verified by phone"));
        Assert.Equal(Roles.SecurityOfficial, state.Members["sam"].Role);
        Assert.IsType<AccessApproved>(Assert.Single(resolving.Events));
        Assert.Equal(AccessMessages.NoEscalation, Access().ResolveEscalation("operator", "sam", approve: true, note: null));
    }

    [Fact]
    public void A26_A_denied_escalation_lets_the_person_try_again_from_zero()
    {
        for (var i = 0; i < 3; i++)
        {
            Access().Request(Sam, Roles.SecurityOfficial, false, Invalid);
        }

        Assert.Null(Access().ResolveEscalation("operator", "sam", approve: false, note: "Not the practice"));

        Assert.Equal("tin-ptan-mismatch", Access().Request(Sam, Roles.SecurityOfficial, false, Invalid).Code);
        Assert.Equal(RequestStatus.Approved, Access().Request(Sam, Roles.SecurityOfficial, false, Valid).Status);
    }

    [Fact]
    public void A27_A_Security_Official_approves_or_denies_once_and_a_denied_person_may_ask_again()
    {
        WithSecurityOfficial();
        var ann = Access().Request(Ann, Roles.StaffUser, false, Valid).RequestId!;
        var bob = Access().Request(Bob, Roles.StaffUser, false, Valid).RequestId!;

        var access = Access();
        Assert.Null(access.Approve("sam", ann));
        Assert.Equal(AccessMessages.RequestNotPending, access.Approve("sam", ann));
        Assert.Null(access.Deny("sam", bob, "Not our staff"));
        Assert.Equal(AccessMessages.RequestNotPending, access.Approve("sam", bob));
        Assert.Equal(AccessMessages.NoSuchRequest, access.Approve("sam", "nope"));

        Assert.Equal(Roles.StaffUser, state.Members["ann"].Role);
        Assert.False(state.Members.ContainsKey("bob"));
        Assert.Equal(["access-approved", "access-denied"], access.Events.Select(e => AuditLine.For(e).Action));
        Assert.Equal(RequestStatus.Pending, Access().Request(Bob, Roles.StaffUser, false, Valid).Status);
    }

    [Fact]
    public void A27_Only_a_Security_Official_decides_and_strangers_learn_nothing()
    {
        WithSecurityOfficial();
        var ann = Access().Request(Ann, Roles.StaffUser, false, Valid).RequestId!;
        Access().Approve("sam", ann);
        var bob = Access().Request(Bob, Roles.StaffUser, false, Valid).RequestId!;

        Assert.Equal(AccessMessages.NotSecurityOfficial, Access().Approve("ann", bob));
        Assert.Equal(AccessMessages.NotConnected, Access().Approve("mallory", bob));
        Assert.Equal(AccessMessages.NotConnected, Access().Deny("mallory", bob, null));
        Assert.Equal(AccessMessages.NotSecurityOfficial, Access().Remove("ann", "sam"));
    }

    [Fact]
    public void A27_The_last_Security_Official_cannot_remove_their_own_role_but_another_can_and_the_Service_Center_can()
    {
        WithSecurityOfficial();
        Assert.Equal(AccessMessages.LastSecurityOfficial, Access().Remove("sam", "sam"));

        var bob = Access().Request(Bob, Roles.SecurityOfficial, false, Valid).RequestId!;
        Access().Approve("sam", bob);
        Assert.Null(Access().Remove("sam", "sam"));
        Assert.Equal(AccessMessages.LastSecurityOfficial, Access().Remove("bob", "bob"));
        Assert.Null(Access().RemoveByServiceCenter("operator", "bob", "Left the practice"));
        Assert.Empty(state.Members);
    }

    [Fact]
    public void A28_The_Service_Center_changes_a_role_and_everyone_concerned_is_told()
    {
        WithSecurityOfficial();
        var ann = Access().Request(Ann, Roles.StaffUser, false, Valid).RequestId!;
        Access().Approve("sam", ann);

        var access = Access();
        Assert.Null(access.ChangeRole("operator", "ann", Roles.SecurityOfficial));

        Assert.Equal(Roles.SecurityOfficial, state.Members["ann"].Role);
        var changed = Assert.IsType<RoleChanged>(Assert.Single(access.Events));
        Assert.Equal((Roles.StaffUser, Roles.SecurityOfficial, "operator"), (changed.FromRole, changed.ToRole, changed.Actor));
        Assert.Equal(AccessMessages.NoSuchMember, access.ChangeRole("operator", "nobody", Roles.StaffUser));
    }

    [Fact]
    public void A29_A_clinician_with_a_valid_NPI_and_PTAN_needs_no_Security_Official()
    {
        var outcome = Access().Request(Ann, Roles.Clinician, false, Valid);

        Assert.Equal(RequestStatus.Approved, outcome.Status);
        Assert.Equal(Roles.Clinician, state.Members["ann"].Role);
    }

    [Fact]
    public void A30_Every_change_is_an_event_with_who_when_and_an_increasing_version()
    {
        var access = Access();
        access.Request(Sam, Roles.SecurityOfficial, false, Valid);
        var ann = access.Request(Ann, Roles.StaffUser, false, Valid).RequestId!;
        access.Approve("sam", ann);
        access.Remove("sam", "ann");

        Assert.Equal(["access-approved", "access-requested", "access-approved", "access-removed"], access.Events.Select(e => AuditLine.For(e).Action));
        Assert.Equal(["sam", "ann", "sam", "sam"], access.Events.Select(e => e.Actor));
        Assert.All(access.Events, e => Assert.Equal(Now, e.OccurredAt));
        var versions = access.Events.Cast<OrganizationEvent>().Select(e => e.Version).ToList();
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    private OrganizationAccess Access() => new(state, Bbh, Now);

    private void WithSecurityOfficial() => Access().Request(Sam, Roles.SecurityOfficial, false, Valid);
}
