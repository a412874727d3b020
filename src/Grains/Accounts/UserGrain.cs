using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Events;
using SignInResult = QppOrleans.Grains.Abstractions.Accounts.SignInResult;

namespace QppOrleans.Grains.Accounts;

/// <summary>
/// A person's account and sign-in (A-1 … A-7); changes to its password and devices
/// are in the other part of this class. An id nobody registered has a grain too: it checks the
/// password against a dummy hash and counts failures in memory exactly as for a real account, so
/// that its answers and their cost are those of a wrong password.
/// </summary>
public sealed partial class UserGrain(
    [PersistentState("user", QppStorage.Name)] IPersistentState<UserState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock,
    Passwords passwords) : PublishingGrain<UserState>(state), IUserGrain
{
    private readonly SignInGuard guard = new();

    private UserState User => Storage.State;

    async Task<bool> IUserGrain.CreateAsync(NewAccount account)
    {
        if (User.Account is not null)
        {
            return false;
        }

        var user = Draft();
        user.Account = Account.Open(account, clock.GetUtcNow(), passwords);
        await CommitAsync(user, []);
        return true;
    }

    async Task<bool> IUserGrain.ProvisionOperatorAsync(NewAccount account)
    {
        var user = Draft();
        var now = clock.GetUtcNow();
        var created = user.Account is null;
        user.Account = Account.Open(account, created ? now : user.Account!.CreatedAt, passwords);
        user.Account.Operator = true;
        if (!created)
        {
            // Whoever held the account before (a claim made before the id was listed, say) is signed out.
            user.ResetPassword(user.Account.PasswordHash);
        }

        guard.Clear();
        await CommitAsync(user, [Changed(user, AccountChanges.OperatorProvisioned, now)]);
        return created;
    }

    Task<bool> IUserGrain.IsOperatorAsync() => Task.FromResult(User.Account?.Operator == true);

    async Task<SignInResult> IUserGrain.SignInAsync(string password, string client, bool knownClient)
    {
        var now = clock.GetUtcNow();
        var account = User.Account;

        // The same slow hash runs whether or not the account exists.
        var verified = passwords.Verify(account?.UserId ?? "", account?.PasswordHash, password);
        if (guard.LockedUntil(client, knownClient, now) is { } locked)
        {
            return new SignInResult(SignInOutcome.Locked, LockedUntil: locked);
        }

        if (account is null || verified is PasswordVerificationResult.Failed)
        {
            guard.Fail(client, knownClient, now);
            return guard.LockedUntil(client, knownClient, now) is { } until
                ? new SignInResult(SignInOutcome.Locked, LockedUntil: until)
                : new SignInResult(SignInOutcome.InvalidCredentials);
        }

        guard.Succeed(client);
        if (User.CodesLocked(now))
        {
            return new SignInResult(SignInOutcome.Locked, LockedUntil: User.CodesLockedUntil);
        }

        var user = Draft();
        if (verified is PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.Account!.PasswordHash = passwords.Hash(account.UserId, password);
        }

        var secret = Secrets.NewToken();
        user.OpenChallenge(Secrets.Hash(secret), CodePurposes.SignIn, now);
        await CommitAsync(user, []);
        return new SignInResult(SignInOutcome.Challenged, secret, Choices(account));
    }

    async Task<SendCodeOutcome> IUserGrain.SendCodeAsync(string challengeSecret, string deviceId)
    {
        var now = clock.GetUtcNow();
        if (SendUnbacked(challengeSecret, deviceId) is { } pretended)
        {
            return pretended;
        }

        var user = Draft();

        if (user.Account is not { } account || user.FindChallenge(Secrets.Hash(challengeSecret), now) is not { } challenge)
        {
            return SendCodeOutcome.UnknownChallenge;
        }

        // A reset names a kind of device, not one device: the answer must not show which the account has.
        var targets = challenge.Purpose == CodePurposes.PasswordReset
            ? ResetDeviceKinds.Contains(deviceId) ? account.Devices.FindAll(d => d.Kind == deviceId) : null
            : account.Devices.Find(d => d.Id == deviceId) is { } device ? [device] : null;
        if (targets is null)
        {
            return SendCodeOutcome.UnknownDevice;
        }

        if (!challenge.MaySendCode)
        {
            return SendCodeOutcome.TooManyCodes;
        }

        if (targets.Count == 0)
        {
            challenge.CodesSent++;
            await CommitAsync(user, []);
            return SendCodeOutcome.Sent;
        }

        var code = Secrets.NewCode();
        challenge.IssueCode(Secrets.Hash(code), now);
        await CommitAsync(user, [.. targets.Select(target => CodeFor(user, target, code, challenge.CodeExpiresAt, challenge.Purpose, now))]);
        return SendCodeOutcome.Sent;
    }

    async Task<SessionGrant?> IUserGrain.VerifyCodeAsync(string challengeSecret, string code)
    {
        var user = Draft();
        var now = clock.GetUtcNow();
        if (user.Account is not { } account
            || user.FindChallenge(Secrets.Hash(challengeSecret), now) is not { Purpose: CodePurposes.SignIn } challenge)
        {
            return null;
        }

        var right = user.Verify(challenge, code, now, out var locked);
        await CommitAsync(user, locked ? [Changed(user, AccountChanges.CodesLocked, now)] : []);
        return right ? new SessionGrant(user.SessionEpoch, account.Operator) : null;
    }

    Task<AccountSession?> IUserGrain.SessionAsync() => Task.FromResult(User.Account is null
        ? null
        : new AccountSession(User.SessionEpoch, [.. User.SignedOut.Select(t => t.TokenId)]));

    async Task IUserGrain.SignOutAsync(string tokenId, DateTimeOffset expires)
    {
        var now = clock.GetUtcNow();
        if (User.Account is null || User.SignedOut.Exists(t => t.TokenId == tokenId))
        {
            return;
        }

        var user = Draft();

        user.SignedOut.RemoveAll(t => t.Expires <= now);
        user.SignedOut.Add(new SignedOutToken(tokenId, expires));
        await CommitAsync(user, [Changed(user, AccountChanges.SignedOut, now)]);
    }

    async Task IUserGrain.SignOutEverywhereAsync()
    {
        var now = clock.GetUtcNow();
        if (User.Account is null)
        {
            return;
        }

        var user = Draft();

        user.SessionEpoch++;
        user.SignedOut.Clear();
        await CommitAsync(user, [Changed(user, AccountChanges.SignedOutEverywhere, now)]);
    }

    async Task IUserGrain.ProjectConnectionAsync(Connection connection)
    {
        var key = GrainKeys.Organization(connection.Organization.OrgType, connection.Organization.OrgId);
        if (User.Connections.TryGetValue(key, out var held) && held.Version >= connection.Version)
        {
            return;
        }

        var user = Draft();

        user.Connections[key] = connection;
        await CommitAsync(user, []);
    }

    async Task IUserGrain.ProjectRequestAsync(MyRequest request)
    {
        if (User.Requests.TryGetValue(request.RequestId, out var held) && held.Version >= request.Version)
        {
            return;
        }

        var user = Draft();

        user.Requests[request.RequestId] = request;
        await CommitAsync(user, []);
    }

    Task<Connection[]> IUserGrain.ConnectionsAsync() => Task.FromResult(User.Connections.Values.Where(c => c.Role is not null).ToArray());

    Task<MyRequest[]> IUserGrain.RequestsAsync() => Task.FromResult(User.Requests.Values.OrderByDescending(r => r.At).ToArray());

    Task<UserProfile?> IUserGrain.GetProfileAsync() => Task.FromResult(
        User.Account is { } a ? new UserProfile(a.UserId, a.FirstName, a.LastName, a.Email) : null);

    /// <summary>No write keeps a code that has expired (see <see cref="UserState.ForgetExpiredCodes"/>).</summary>
    protected override void OnCommitting() => User.ForgetExpiredCodes(clock.GetUtcNow());

    private static VerificationDevice[] Choices(Account account) => [.. account.Devices.Select(d => new VerificationDevice(d.Id, d.Kind, d.Masked))];

    private static OneTimeCodeIssued CodeFor(UserState user, Device device, string code, DateTimeOffset expires, string purpose, DateTimeOffset now)
    {
        var account = user.Account!;
        return new OneTimeCodeIssued
        {
            OccurredAt = now,
            Actor = account.UserId,
            To = device.Kind == DeviceKinds.Email
                ? new Recipient(account.UserId, account.Name, device.Destination)
                : new Recipient(account.UserId, account.Name, null, device.Destination),
            Code = code,
            ExpiresAt = expires,
            Purpose = purpose,
        };
    }

    private static AccountChanged Changed(UserState user, string change, DateTimeOffset now, string? detail = null)
    {
        var account = user.Account!;
        return new AccountChanged
        {
            OccurredAt = now, Actor = account.UserId, Change = change, Detail = detail,
            Owner = new Recipient(account.UserId, account.Name, account.Email),
        };
    }
}
