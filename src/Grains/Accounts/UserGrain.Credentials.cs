using Microsoft.AspNetCore.Identity;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;
using SignInResult = QppOrleans.Grains.Abstractions.Accounts.SignInResult;

namespace QppOrleans.Grains.Accounts;

/// <summary>
/// Changes to how a person signs in: each needs a fresh code, is an event in the
/// person's own audit trail and is mailed to the account's email.
/// </summary>
public sealed partial class UserGrain
{
    /// <summary>What a reset offers to send the code to: kinds, the same for every id .</summary>
    private static readonly string[] ResetDeviceKinds = [DeviceKinds.Email, DeviceKinds.Sms];

    /// <summary>
    /// Reset challenges handed out where no reset can happen (no account, or resets locked), by
    /// their hash, with the codes they pretended to send; kept in memory, a few at most.
    /// </summary>
    private readonly List<(string SecretHash, int CodesSent)> unbackedResets = [];

    async Task<SignInResult?> IUserGrain.OpenConfirmationAsync()
    {
        var now = clock.GetUtcNow();
        if (User.Account is not { } account)
        {
            return null;
        }

        if (User.CodesLocked(now))
        {
            return new SignInResult(SignInOutcome.Locked, LockedUntil: User.CodesLockedUntil);
        }

        var user = Draft();
        var secret = Secrets.NewToken();
        user.OpenChallenge(Secrets.Hash(secret), CodePurposes.Confirmation, now);
        await CommitAsync(user, []);
        return new SignInResult(SignInOutcome.Challenged, secret, Choices(account));
    }

    async Task<Refusal?> IUserGrain.ChangePasswordAsync(string currentPassword, string newPassword, string challengeSecret, string code, string client)
    {
        var user = Draft();
        var now = clock.GetUtcNow();
        if (user.Account is not { } account)
        {
            return AccountMessages.NoAccount;
        }

        if (guard.LockedUntil(client, knownClient: false, now) is not null)
        {
            return AccountMessages.TooManyFailures;
        }

        if (passwords.Verify(account.UserId, account.PasswordHash, currentPassword) is PasswordVerificationResult.Failed)
        {
            // A stolen token must not become a way to guess the password without limit.
            guard.Fail(client, knownClient: false, now);
            return AccountMessages.WrongPassword;
        }

        if (await ConfirmAsync(user, challengeSecret, code, now) is { } refusal)
        {
            return refusal;
        }

        account.PasswordHash = passwords.Hash(account.UserId, newPassword);
        await CommitAsync(user, [Changed(user, AccountChanges.PasswordChanged, now)]);
        return null;
    }

    async Task<string> IUserGrain.StartPasswordResetAsync()
    {
        var now = clock.GetUtcNow();
        var secret = Secrets.NewToken();
        if (User.Account is null || User.ResetLocked(now))
        {
            // Answers like a real reset and sends nothing: nobody learns whether the id exists.
            unbackedResets.Add((Secrets.Hash(secret), 0));
            if (unbackedResets.Count > SignInRules.MaxOpenChallenges)
            {
                unbackedResets.RemoveAt(0);
            }

            return secret;
        }

        var user = Draft();
        user.OpenChallenge(Secrets.Hash(secret), CodePurposes.PasswordReset, now);
        await CommitAsync(user, []);
        return secret;
    }

    async Task<Refusal?> IUserGrain.CompletePasswordResetAsync(string challengeSecret, string code, string newPassword)
    {
        var user = Draft();
        var now = clock.GetUtcNow();
        if (user.Account is not { } account
            || user.FindChallenge(Secrets.Hash(challengeSecret), now) is not { Purpose: CodePurposes.PasswordReset } challenge)
        {
            return AccountMessages.InvalidCode;
        }

        if (!user.Verify(challenge, code, now, out _))
        {
            await CommitAsync(user, []);
            return AccountMessages.InvalidCode;
        }

        user.ResetPassword(passwords.Hash(account.UserId, newPassword));
        guard.Clear();
        await CommitAsync(user, [Changed(user, AccountChanges.PasswordReset, now)]);
        return null;
    }

    Task<DeviceView[]> IUserGrain.DevicesAsync() => Task.FromResult<DeviceView[]>(User.Account is { } account
        ? [.. account.Devices.Select(d => new DeviceView(d.Id, d.Kind, d.Destination, d.Masked))]
        : []);

    async Task<(Refusal? Refusal, string? DeviceId)> IUserGrain.AddDeviceAsync(string kind, string destination, string challengeSecret, string code)
    {
        var user = Draft();
        var now = clock.GetUtcNow();
        if (user.Account is not { } account)
        {
            return (AccountMessages.NoAccount, null);
        }

        if (account.Devices.Count >= SignInRules.MaxDevices)
        {
            return (AccountMessages.DeviceLimit, null);
        }

        if (account.Devices.Exists(d => d.Kind == kind && string.Equals(d.Destination, destination, StringComparison.OrdinalIgnoreCase)))
        {
            return (AccountMessages.DeviceExists, null);
        }

        if (await ConfirmAsync(user, challengeSecret, code, now) is { } refusal)
        {
            return (refusal, null);
        }

        var device = new Device { Id = $"d-{Secrets.NewToken()[..10]}", Kind = kind, Destination = destination };
        var deviceCode = Secrets.NewCode();
        user.PendingDevice = new PendingDevice { Device = device, CodeHash = Secrets.Hash(deviceCode), ExpiresAt = now + SignInRules.CodeLifetime };
        await CommitAsync(user, [CodeFor(user, device, deviceCode, user.PendingDevice.ExpiresAt, CodePurposes.NewDevice, now)]);
        return (null, device.Id);
    }

    async Task<Refusal?> IUserGrain.ConfirmDeviceAsync(string deviceId, string code)
    {
        var user = Draft();
        var now = clock.GetUtcNow();
        if (user.Account is not { } account || user.PendingDevice is not { } pending || pending.Device.Id != deviceId || now >= pending.ExpiresAt)
        {
            return AccountMessages.NothingToConfirm;
        }

        if (!Secrets.SameHash(pending.CodeHash, Secrets.Hash(code)))
        {
            var locked = user.WrongCode(now);
            if (++pending.WrongCodes >= SignInRules.MaxWrongCodes)
            {
                user.PendingDevice = null;
            }

            await CommitAsync(user, locked ? [Changed(user, AccountChanges.CodesLocked, now)] : []);
            return AccountMessages.InvalidCode;
        }

        account.Devices.Add(pending.Device);
        user.PendingDevice = null;
        await CommitAsync(user, [Changed(user, AccountChanges.DeviceAdded, now, pending.Device.Masked)]);
        return null;
    }

    async Task<Refusal?> IUserGrain.RemoveDeviceAsync(string deviceId, string challengeSecret, string code)
    {
        var user = Draft();
        var now = clock.GetUtcNow();
        if (user.Account is not { } account)
        {
            return AccountMessages.NoAccount;
        }

        if (account.Devices.Find(d => d.Id == deviceId) is not { } device)
        {
            return AccountMessages.NoSuchDevice;
        }

        if (account.Devices.Count == 1)
        {
            return AccountMessages.LastDevice;
        }

        if (await ConfirmAsync(user, challengeSecret, code, now) is { } refusal)
        {
            return refusal;
        }

        account.Devices.Remove(device);
        await CommitAsync(user, [Changed(user, AccountChanges.DeviceRemoved, now, device.Masked)]);
        return null;
    }

    /// <summary>
    /// Checks the fresh code of a confirmation challenge. A right code is used up by the change the
    /// caller then commits; a wrong one is committed here, counted against the account.
    /// </summary>
    private async Task<Refusal?> ConfirmAsync(UserState user, string challengeSecret, string code, DateTimeOffset now)
    {
        if (user.FindChallenge(Secrets.Hash(challengeSecret), now) is not { Purpose: CodePurposes.Confirmation } challenge)
        {
            return AccountMessages.InvalidCode;
        }

        if (user.Verify(challenge, code, now, out var locked))
        {
            return null;
        }

        await CommitAsync(user, locked ? [Changed(user, AccountChanges.CodesLocked, now)] : []);
        return AccountMessages.InvalidCode;
    }

    /// <summary>What sending a code for an unbacked reset answers: what a real one would, sending nothing; null when the secret is not one.</summary>
    private SendCodeOutcome? SendUnbacked(string challengeSecret, string deviceId)
    {
        var hash = Secrets.Hash(challengeSecret);
        var index = unbackedResets.FindIndex(r => r.SecretHash == hash);
        if (index < 0)
        {
            return null;
        }

        if (!ResetDeviceKinds.Contains(deviceId))
        {
            return SendCodeOutcome.UnknownDevice;
        }

        if (unbackedResets[index].CodesSent >= SignInRules.MaxCodesPerChallenge)
        {
            return SendCodeOutcome.TooManyCodes;
        }

        unbackedResets[index] = (hash, unbackedResets[index].CodesSent + 1);
        return SendCodeOutcome.Sent;
    }
}
