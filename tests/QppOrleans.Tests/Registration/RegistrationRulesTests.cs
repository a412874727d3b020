using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Grains.Registration;
using RegistrationRules = QppOrleans.Grains.Registration.Registration;

namespace QppOrleans.Tests.Registration;

/// <summary>R-2 … R-15 in the registration core, without Orleans.</summary>
public sealed class RegistrationRulesTests
{
    private static readonly RegistrationWindow Window2021 = new() { Opens = "2021-04-01T10:00:00-04:00", Closes = "2021-06-30T20:00:00-04:00" };
    private static readonly DateTimeOffset InWindow = new(2021, 5, 3, 15, 0, 0, TimeSpan.Zero);
    private static readonly OrganizationRef Bbh = new("practice", "000765630", "Better Business Health");
    private static readonly OrganizationInfo Shown = new("Better Business Health", "123 Better Health Way", null, "Baltimore", "MD", "21239");
    private static readonly ContactInput Jane = new("Jane", "Doe", "jdoe@betterhealth.com", "1112223344", null);

    private readonly RegistrationState state = new();
    private int ids = 219043;

    [Theory]
    [InlineData("2021-04-01T09:59:59-04:00", false)]
    [InlineData("2021-04-01T10:00:00-04:00", true)]
    [InlineData("2021-04-01T13:59:59Z", false)]
    [InlineData("2021-04-01T14:00:00Z", true)]
    [InlineData("2021-06-30T19:59:59-04:00", true)]
    [InlineData("2021-06-30T20:00:00-04:00", false)]
    [InlineData("2021-07-01T00:00:01Z", false)]
    public void R2_The_2021_window_opens_at_10_am_ET_April_1_and_closes_at_8_pm_ET_June_30(string at, bool open) =>
        Assert.Equal(open, Window2021.IsOpen(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void R2_A_window_given_in_Eastern_wall_clock_time_keeps_its_hour_across_daylight_saving()
    {
        var winter = new RegistrationWindow { Opens = "2022-01-10T10:00:00", Closes = "2022-03-14T20:00:00" };

        Assert.False(winter.IsOpen(new DateTimeOffset(2022, 1, 10, 14, 59, 59, TimeSpan.Zero)));
        Assert.True(winter.IsOpen(new DateTimeOffset(2022, 1, 10, 15, 0, 0, TimeSpan.Zero)));
        Assert.True(winter.IsOpen(new DateTimeOffset(2022, 3, 14, 23, 59, 59, TimeSpan.Zero)));
        Assert.False(winter.IsOpen(new DateTimeOffset(2022, 3, 15, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void R2_A_window_whose_close_is_moved_is_read_again_though_its_instants_are_kept_between_questions()
    {
        var window = new RegistrationWindow { Opens = "2021-04-01T10:00:00", Closes = "2021-06-30T20:00:00" };
        var lateJune = new DateTimeOffset(2021, 6, 29, 12, 0, 0, TimeSpan.Zero);
        Assert.True(window.IsOpen(lateJune));

        // An extended or shortened deadline applies to the next question, not after a restart.
        window.Closes = "2021-06-15T20:00:00";
        Assert.False(window.IsOpen(lateJune));
        window.Closes = "2021-07-15T20:00:00";
        Assert.True(window.IsOpen(lateJune));
    }

    [Fact]
    public void R2_Outside_the_window_nothing_is_submitted_modified_or_cancelled_but_viewing_works()
    {
        var closed = Rules(new DateTimeOffset(2021, 7, 1, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(RegistrationMessages.Closed(2021), closed.SetSize("sam", "security-official", Sizes.Medium, false));
        Assert.Equal(RegistrationMessages.Closed(2021), closed.AddContact("sam", "security-official", Jane));
        Assert.Equal(RegistrationMessages.Closed(2021), closed.Register("sam", "security-official", Programs.Cahps, Shown, NewId()));
        Assert.Equal(RegistrationMessages.Closed(2021), closed.Cancel("sam", "security-official", Programs.Cahps, true));
        Assert.Equal("Better Business Health", closed.View(Shown).Organization.Name);
    }

    [Theory]
    [InlineData(Sizes.Small, Programs.WebInterface, false)]
    [InlineData(Sizes.Medium, Programs.WebInterface, true)]
    [InlineData(Sizes.Large, Programs.WebInterface, true)]
    [InlineData(Sizes.Small, Programs.Cahps, true)]
    [InlineData(null, Programs.Cahps, false)]
    public void R3_The_Web_Interface_needs_25_or_more_clinicians_and_CAHPS_two_or_more(string? size, string program, bool qualifies) =>
        Assert.Equal(qualifies, Sizes.Qualifies(size, program));

    [Fact]
    public void R4_A_size_of_2_24_cancels_the_Web_Interface_only_when_confirmed_in_the_same_change()
    {
        Registered(Programs.WebInterface, Programs.Cahps);
        var rules = Rules();

        Assert.Equal(RegistrationMessages.SizeChangeUnconfirmed, rules.SetSize("sam", "security-official", Sizes.Small, confirm: false));
        Assert.Equal(Sizes.Medium, state.Size);
        Assert.True(state.WebInterface.Registered);

        Assert.Null(rules.SetSize("sam", "security-official", Sizes.Small, confirm: true));
        Assert.Equal(Sizes.Small, state.Size);
        Assert.False(state.WebInterface.Registered);
        Assert.True(state.Cahps.Registered);
        Assert.Equal([(Programs.WebInterface, RegistrationChange.Cancelled), (Programs.Cahps, RegistrationChange.Modified)],
            rules.Events.Cast<RegistrationChanged>().Select(e => (e.Program, e.Change)));
        Assert.StartsWith("You have chosen a new group size that doesn't qualify you to participate in CMS Web Interface.", RegistrationMessages.SizeChangeWarning, StringComparison.Ordinal);
    }

    [Fact]
    public void R5_R6_Registering_needs_complete_organization_information_and_a_contact()
    {
        var rules = Rules();
        rules.SetSize("sam", "security-official", Sizes.Medium, false);

        Assert.Equal(RegistrationMessages.Incomplete, rules.Register("sam", "security-official", Programs.Cahps, Shown, NewId()));
        rules.AddContact("sam", "security-official", Jane);
        Assert.Equal(RegistrationMessages.Incomplete, rules.Register("sam", "security-official", Programs.Cahps, Shown with { Zip = null }, NewId()));
        Assert.Null(rules.Register("sam", "security-official", Programs.Cahps, Shown, NewId()));
    }

    [Fact]
    public void R6_The_last_contact_cannot_be_deleted_but_can_be_edited()
    {
        var rules = Rules();
        rules.AddContact("sam", "security-official", Jane);
        var first = rules.CreatedContactId;
        rules.AddContact("sam", "security-official", Jane with { FirstName = "John" });
        var second = rules.CreatedContactId;

        Assert.Null(rules.DeleteContact("sam", "security-official", first!));
        Assert.Equal(RegistrationMessages.LastContact, rules.DeleteContact("sam", "security-official", second!));
        Assert.Null(rules.UpdateContact("sam", "security-official", second!, Jane with { Phone = "1112224455" }));
        Assert.Equal("1112224455", Assert.Single(state.Contacts).Phone);
    }

    [Fact]
    public void R7_R8_One_registration_id_through_a_second_program_cancellation_and_registering_again()
    {
        Registered(Programs.WebInterface);
        var id = state.RegistrationId;
        var rules = Rules();

        Assert.Null(rules.Register("sam", "security-official", Programs.Cahps, Shown, NewId()));
        Assert.Equal(RegistrationMessages.CancellationUnconfirmed, rules.Cancel("sam", "security-official", Programs.Cahps, confirm: false));
        Assert.Null(rules.Cancel("sam", "security-official", Programs.Cahps, confirm: true));
        Assert.Equal(RegistrationMessages.NotRegistered, rules.Cancel("sam", "security-official", Programs.Cahps, confirm: true));
        Assert.Null(rules.Register("sam", "security-official", Programs.Cahps, Shown, NewId()));
        Assert.Equal(RegistrationMessages.AlreadyRegistered, rules.Register("sam", "security-official", Programs.Cahps, Shown, NewId()));

        Assert.Equal(id, state.RegistrationId);
        Assert.All(rules.Events.Cast<RegistrationChanged>(), e => Assert.Equal(id, e.RegistrationId));
    }

    [Fact]
    public void R9_Every_contact_hears_of_a_submission_with_the_registration_id()
    {
        var rules = Rules();
        rules.SetSize("sam", "security-official", Sizes.Medium, false);
        rules.AddContact("sam", "security-official", Jane);
        rules.AddContact("sam", "security-official", Jane with { FirstName = "John", Email = "jsmith@betterhealth.com" });
        rules.Register("sam", "security-official", Programs.WebInterface, Shown, NewId());

        var submitted = Assert.IsType<RegistrationChanged>(Assert.Single(rules.Events));
        Assert.Equal(RegistrationChange.Submitted, submitted.Change);
        Assert.Equal(["jdoe@betterhealth.com", "jsmith@betterhealth.com"], submitted.Notify.Select(r => r.Email));
        Assert.Equal("219043", submitted.RegistrationId);
    }

    [Fact]
    public void R10_Automatic_registration_outside_the_window_is_marked_and_can_then_be_cancelled_like_others()
    {
        var before = Rules(new DateTimeOffset(2021, 3, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.True(before.AutoRegister("operator", [Programs.WebInterface, Programs.Cahps], "ssp-aco", Shown, NewId()));
        Assert.False(before.AutoRegister("operator", [Programs.WebInterface], "ssp-aco", Shown, NewId()));

        Assert.True(state.WebInterface is { Registered: true, Auto: true });
        Assert.True(state.Cahps is { Registered: true, Auto: true });
        Assert.Null(Rules().Cancel("sam", "security-official", Programs.WebInterface, confirm: true));
    }

    [Fact]
    public void R13_Sampling_results_flag_what_they_rule_out_and_the_contacts_are_told()
    {
        Registered(Programs.WebInterface, Programs.Cahps);
        var rules = Rules();

        Assert.True(rules.RecordSampling("operator", webInterfaceAssignedPatients: 0, cahpsSampleMet: true));
        Assert.False(rules.RecordSampling("operator", webInterfaceAssignedPatients: 0, cahpsSampleMet: true));

        Assert.Equal(new Sampling(0, true, WebInterfaceFlagged: true, CahpsFlagged: false), state.Sampling);
        var recorded = Assert.IsType<SamplingResultRecorded>(Assert.Single(rules.Events));
        Assert.Equal(["jdoe@betterhealth.com"], recorded.Notify.Select(r => r.Email));
    }

    [Fact]
    public void R14_The_history_says_who_with_which_role_what_before_and_after_and_when()
    {
        var rules = Rules();
        rules.SetSize("sam", "security-official", Sizes.Medium, false);
        rules.SetSize("sam", "security-official", Sizes.Large, false);

        Assert.Equal(
            [(InWindow, "sam", "security-official", "size-changed", "size none → 25-99"), (InWindow, "sam", "security-official", "size-changed", "size 25-99 → 100+")],
            state.History.Select(h => (h.At, h.UserId, h.Role, h.Action, h.Details)));
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void R15_A_program_the_year_does_not_offer_cannot_be_registered()
    {
        var rules = new RegistrationRules(state, Bbh, 2025, new RegistrationWindow { Opens = "2025-04-01T10:00:00", Closes = "2025-06-30T20:00:00", Programs = [Programs.Cahps] },
            new DateTimeOffset(2025, 5, 1, 12, 0, 0, TimeSpan.Zero));
        rules.SetSize("sam", "security-official", Sizes.Large, false);
        rules.AddContact("sam", "security-official", Jane);

        Assert.Equal(RegistrationMessages.ProgramNotOffered(2025), rules.Register("sam", "security-official", Programs.WebInterface, Shown, NewId()));
        Assert.Null(rules.Register("sam", "security-official", Programs.Cahps, Shown, NewId()));
    }

    [Fact]
    public void R6_R9_A_registration_holds_only_so_many_contacts_each_mailed_on_every_change()
    {
        var rules = new RegistrationRules(state, Bbh, 2021, Window2021, InWindow, maxContacts: 3);
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(rules.AddContact("sam", "security-official", Jane));
        }

        Assert.Equal(RegistrationMessages.TooManyContacts, rules.AddContact("sam", "security-official", Jane));
        Assert.Equal(3, state.Contacts.Count);
    }

    [Fact]
    public void R1_The_core_decides_who_writes_and_against_which_version_and_a_refusal_or_no_change_leaves_nothing_to_write()
    {
        var rules = Rules();
        Refusal? Medium(RegistrationRules r, string role) => r.SetSize("sam", role, Sizes.Medium, false);

        Assert.Equal(RegistrationMessages.NotFound, rules.Decide(null, null, Medium).Refusal);
        Assert.Equal(RegistrationMessages.NotSecurityOfficial, rules.Decide(Roles.StaffUser, null, Medium).Refusal);
        Assert.Equal(RegistrationMessages.VersionMismatch, rules.Decide(Roles.SecurityOfficial, 7, Medium).Refusal);
        Assert.Equal(0, state.Version);

        var decided = rules.Decide(Roles.SecurityOfficial, 0, Medium);
        Assert.Null(decided.Refusal);
        Assert.Same(state, decided.State);
        Assert.Equal(1, state.Version);

        var again = rules.Decide(Roles.SecurityOfficial, 1, Medium);
        Assert.Null(again.Refusal);
        Assert.Null(again.State);

        var closed = Rules(new DateTimeOffset(2021, 7, 1, 12, 0, 0, TimeSpan.Zero)).Decide(Roles.SecurityOfficial, null, (r, role) => r.SetSize("sam", role, Sizes.Large, false));
        Assert.Equal(RegistrationMessages.Closed(2021), closed.Refusal);
        Assert.Null(closed.State);
        Assert.Empty(closed.Events);
    }

    [Fact]
    public void R6_A_contact_request_repeated_with_its_key_adds_nothing_and_is_answered_despite_a_stale_If_Match()
    {
        var rules = Rules();
        Assert.Null(rules.Decide(Roles.SecurityOfficial, 0, (r, role) => r.AddContact("sam", role, Jane, "key-1"), "key-1").Refusal);
        var first = rules.CreatedContactId;

        var again = Rules();
        var repeat = again.Decide(Roles.SecurityOfficial, 0, (r, role) => r.AddContact("sam", role, Jane, "key-1"), "key-1");
        Assert.Equal(first, again.CreatedContactId);

        Assert.Null(repeat.Refusal);
        Assert.Null(repeat.State);
        Assert.Single(state.Contacts);
        Assert.Equal(first, state.ContactRequests.Single().ContactId);
    }

    private RegistrationRules Rules(DateTimeOffset? now = null) => new(state, Bbh, 2021, Window2021, now ?? InWindow);

    private string NewId() => (ids++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Registered(params string[] programs)
    {
        var rules = Rules();
        rules.SetSize("sam", "security-official", Sizes.Medium, false);
        rules.AddContact("sam", "security-official", Jane);
        foreach (var program in programs)
        {
            Assert.Null(rules.Register("sam", "security-official", program, Shown, NewId()));
        }
    }
}
