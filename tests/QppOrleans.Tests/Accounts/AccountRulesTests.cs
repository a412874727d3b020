using QppOrleans.Api.Accounts;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Accounts;

namespace QppOrleans.Tests.Accounts;

/// <summary>The functional core of accounts and sign-in, without Orleans.</summary>
public sealed class AccountRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Correct-Horse-42", true)]
    [InlineData("correct horse battery 9", true)]
    [InlineData("CORRECTHORSE42", false)]
    [InlineData("Short-Pass1", false)]
    [InlineData("alllowercaseletters", false)]
    [InlineData("ann-lee-Password-1", false)]
    public void A5_The_password_policy_wants_length_variety_and_no_user_id(string password, bool acceptable) =>
        Assert.Equal(acceptable, PasswordPolicy.IsAcceptable(password, "ann-lee"));

    [Theory]
    [InlineData("410-555-0123", "+14105550123")]
    [InlineData("(410) 555 0123", "+14105550123")]
    [InlineData("+1 410.555.0123", "+14105550123")]
    [InlineData("555-0123", null)]
    [InlineData("110-555-0123", null)]
    [InlineData("410-555-0123 ext 4", null)]
    public void A1_Phone_numbers_are_US_numbers_kept_as_E164(string typed, string? expected) =>
        Assert.Equal(expected, AccountInput.NormalizePhone(typed));

    [Theory]
    [InlineData("ann.lee", true)]
    [InlineData("  ann.lee  ", true)]
    [InlineData("\u0085ann.lee", false)]
    [InlineData("ann.lee\u0085", false)]
    [InlineData("ann\tlee", false)]
    public void A1_Spaces_around_a_user_id_are_forgiven_control_characters_are_not_even_those_trimming_drops(string typed, bool valid) =>
        Assert.Equal(valid, AccountInput.IsUserId(typed));

    [Fact]
    public void A1_User_ids_are_case_insensitive() =>
        Assert.Equal("ann.lee@example.org", AccountInput.NormalizeUserId("  Ann.Lee@Example.org "));

    [Fact]
    public void A4_Five_failures_from_one_client_lock_that_client_for_fifteen_minutes_and_a_right_password_resets_its_count()
    {
        var guard = new SignInGuard();
        for (var i = 0; i < 4; i++)
        {
            guard.Fail("10.0.0.1", knownClient: false, Now);
        }

        guard.Succeed("10.0.0.1");
        for (var i = 0; i < 4; i++)
        {
            guard.Fail("10.0.0.1", knownClient: false, Now);
            Assert.Null(guard.LockedUntil("10.0.0.1", knownClient: false, Now));
        }

        guard.Fail("10.0.0.1", knownClient: false, Now);
        Assert.Equal(Now + SignInRules.Lockout, guard.LockedUntil("10.0.0.1", knownClient: false, Now + SignInRules.Lockout - TimeSpan.FromTicks(1)));
        Assert.Null(guard.LockedUntil("10.0.0.1", knownClient: false, Now + SignInRules.Lockout));
    }

    [Fact]
    public void A4_A7_A_client_that_locks_itself_out_does_not_lock_out_another()
    {
        var guard = new SignInGuard();
        for (var i = 0; i < SignInRules.MaxFailures; i++)
        {
            guard.Fail("203.0.113.9", knownClient: false, Now);
        }

        Assert.NotNull(guard.LockedUntil("203.0.113.9", knownClient: false, Now));
        Assert.Null(guard.LockedUntil("198.51.100.7", knownClient: false, Now));
    }

    [Fact]
    public void A4_Failures_from_many_unknown_clients_lock_out_unknown_clients_but_never_one_the_account_knows()
    {
        var guard = new SignInGuard();
        for (var i = 0; i < SignInRules.MaxFailuresFromUnknownClients; i++)
        {
            guard.Fail($"192.0.2.{i}", knownClient: false, Now);
        }

        Assert.NotNull(guard.LockedUntil("198.51.100.7", knownClient: false, Now));
        Assert.Null(guard.LockedUntil("198.51.100.7", knownClient: true, Now));
        Assert.Null(guard.LockedUntil("198.51.100.7", knownClient: false, Now + SignInRules.Lockout));
    }

    [Fact]
    public void A4_Failures_spread_over_more_than_a_lockout_period_do_not_add_up()
    {
        var guard = new SignInGuard();
        for (var i = 0; i < SignInRules.MaxFailures * 3; i++)
        {
            guard.Fail("10.0.0.1", knownClient: false, Now + (SignInRules.Lockout * i / (SignInRules.MaxFailures - 1)));
        }

        Assert.Null(guard.LockedUntil("10.0.0.1", knownClient: false, Now + (SignInRules.Lockout * SignInRules.MaxFailures * 3 / (SignInRules.MaxFailures - 1))));
    }

    [Fact]
    public void A3_Wrong_codes_across_challenges_close_every_challenge_and_wrong_reset_codes_never_close_sign_in()
    {
        var user = new UserState();
        var reset = user.OpenChallenge("reset", CodePurposes.PasswordReset, Now);
        for (var i = 0; i < SignInRules.MaxWrongCodesPerAccount; i++)
        {
            var challenge = user.Challenges.Find(c => c.Purpose == CodePurposes.PasswordReset) ?? user.OpenChallenge($"r{i}", CodePurposes.PasswordReset, Now);
            challenge.IssueCode(Secrets.Hash("123456"), Now);
            Assert.False(user.Verify(challenge, "000000", Now, out _));
        }

        Assert.True(user.ResetLocked(Now));
        Assert.False(user.CodesLocked(Now));

        var locked = false;
        for (var i = 0; i < SignInRules.MaxWrongCodesPerAccount; i++)
        {
            // Each challenge takes fewer than five wrong codes: only the account's count can stop them.
            var challenge = user.OpenChallenge($"s{i}", CodePurposes.SignIn, Now);
            challenge.IssueCode(Secrets.Hash("123456"), Now);
            Assert.False(user.Verify(challenge, "000000", Now, out locked));
        }

        Assert.True(locked);
        Assert.True(user.CodesLocked(Now));
        Assert.DoesNotContain(user.Challenges, c => c.Purpose == CodePurposes.SignIn);
        Assert.False(user.CodesLocked(Now + SignInRules.Lockout));
    }

    [Fact]
    public void A3_A_code_no_longer_kept_once_expired()
    {
        var user = new UserState();
        user.Outbox.Add([new OneTimeCodeIssued { To = new Recipient("u", "U", "u@example.org"), Code = "123456", ExpiresAt = Now }]);

        user.ForgetExpiredCodes(Now - TimeSpan.FromSeconds(1));
        Assert.Equal("123456", ((OneTimeCodeIssued)user.Outbox.Entries[0].Event).Code);
        user.ForgetExpiredCodes(Now);
        Assert.Equal("", ((OneTimeCodeIssued)user.Outbox.Entries[0].Event).Code);
    }

    [Fact]
    public void A3_A_code_is_single_use_expires_after_five_minutes_and_only_the_latest_works()
    {
        var challenge = new Challenge { SecretHash = "s", ExpiresAt = Now + SignInRules.ChallengeLifetime };
        challenge.IssueCode(Secrets.Hash("111111"), Now);
        challenge.IssueCode(Secrets.Hash("222222"), Now);

        Assert.False(challenge.Verify(Secrets.Hash("111111"), Now));
        Assert.False(challenge.Verify(Secrets.Hash("222222"), Now + TimeSpan.FromMinutes(5)));
        challenge.IssueCode(Secrets.Hash("333333"), Now + TimeSpan.FromMinutes(5));
        Assert.True(challenge.Verify(Secrets.Hash("333333"), Now + TimeSpan.FromMinutes(6)));
        Assert.False(challenge.Verify(Secrets.Hash("333333"), Now + TimeSpan.FromMinutes(6)));
    }

    [Fact]
    public void A3_Five_wrong_codes_close_the_challenge()
    {
        var challenge = new Challenge { SecretHash = "s", ExpiresAt = Now + SignInRules.ChallengeLifetime };
        challenge.IssueCode(Secrets.Hash("123456"), Now);
        for (var i = 0; i < SignInRules.MaxWrongCodes; i++)
        {
            Assert.False(challenge.Verify(Secrets.Hash("000000"), Now));
        }

        Assert.True(challenge.Closed);
        Assert.False(challenge.Verify(Secrets.Hash("123456"), Now));
    }

    [Fact]
    public void A3_Codes_are_six_digits_and_secrets_are_not_repeated()
    {
        Assert.All(Enumerable.Range(0, 100).Select(_ => Secrets.NewCode()), code => Assert.Matches("^[0-9]{6}$", code));
        Assert.Equal(100, Enumerable.Range(0, 100).Select(_ => Secrets.NewToken()).Distinct().Count());
    }

    [Fact]
    public void A3_Devices_are_shown_masked()
    {
        Assert.Equal("a***@example.org", new Device { Kind = DeviceKinds.Email, Destination = "ann@example.org" }.Masked);
        Assert.Equal("***-***-0123", new Device { Kind = DeviceKinds.Sms, Destination = "+14105550123" }.Masked);
    }

    [Fact]
    public void A3_A_challenge_id_names_the_account_and_carries_the_secret()
    {
        var id = ChallengeIds.Compose("ann.lee@example.org", "s3cr3t");

        Assert.True(ChallengeIds.TryParse(id, out var userId, out var secret));
        Assert.Equal(("ann.lee@example.org", "s3cr3t"), (userId, secret));
        Assert.False(ChallengeIds.TryParse("no-dot", out _, out _));
        Assert.False(ChallengeIds.TryParse("%%%.secret", out _, out _));
    }
}
