using Microsoft.AspNetCore.Identity;
using SignInResult = QppOrleans.Grains.Abstractions.Accounts.SignInResult;
using Microsoft.Extensions.DependencyInjection;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Accounts;

/// <summary>
/// A person's account and sign-in (A-1 … A-5). An id nobody registered has a grain too: it
/// checks the password against a dummy hash and counts failures in memory, so that its answers
/// and their timing are those of a wrong password.
/// </summary>
public sealed class UserGrain(
    [PersistentState("user", QppStorage.Name)] IPersistentState<UserState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : PublishingGrain<UserState>(state), IUserGrain
{
    private static readonly PasswordHasher<string> Hasher = new();
    private static readonly string DummyHash = Hasher.HashPassword("", Secrets.NewToken());

    private UserState User => Storage.State;

    async Task<bool> IUserGrain.CreateAsync(NewAccount account)
    {
        if (User.Account is not null)
        {
            return false;
        }

        var userId = AccountInput.NormalizeUserId(account.UserId);
        var phone = account.Phone is null ? null : AccountInput.NormalizePhone(account.Phone);
        List<Device> devices = [new Device { Id = Device.EmailKind, Kind = Device.EmailKind, Destination = account.Email.Trim() }];
        if (phone is not null)
        {
            devices.Add(new Device { Id = Device.SmsKind, Kind = Device.SmsKind, Destination = phone });
        }

        User.Account = new Account
        {
            UserId = userId,
            FirstName = account.FirstName.Trim(),
            LastName = account.LastName.Trim(),
            Email = account.Email.Trim(),
            Phone = phone,
            PasswordHash = Hasher.HashPassword(userId, account.Password),
            Devices = devices,
            CreatedAt = clock.GetUtcNow(),
        };
        User.FailedSignIns = 0;
        User.LockedUntil = null;
        await CommitAsync([]);
        return true;
    }

    async Task<SignInResult> IUserGrain.SignInAsync(string password)
    {
        var now = clock.GetUtcNow();
        var account = User.Account;
        // The same slow hash runs whether or not the account exists.
        var verified = Hasher.VerifyHashedPassword(account?.UserId ?? "", account?.PasswordHash ?? DummyHash, password);

        if (User.IsLocked(now))
        {
            return new SignInResult(SignInOutcome.Locked, LockedUntil: User.LockedUntil);
        }

        if (account is null || verified is PasswordVerificationResult.Failed)
        {
            User.RecordFailure(now);
            if (account is not null)
            {
                await CommitAsync([]);
            }

            return User.IsLocked(now)
                ? new SignInResult(SignInOutcome.Locked, LockedUntil: User.LockedUntil)
                : new SignInResult(SignInOutcome.InvalidCredentials);
        }

        if (verified is PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account.UserId, password);
        }

        var secret = Secrets.NewToken();
        User.OpenChallenge(Secrets.Hash(secret), now);
        await CommitAsync([]);
        return new SignInResult(
            SignInOutcome.Challenged,
            secret,
            account.Devices.Select(d => new VerificationDevice(d.Id, d.Kind, d.Masked)).ToArray());
    }

    async Task<SendCodeOutcome> IUserGrain.SendCodeAsync(string challengeSecret, string deviceId)
    {
        var now = clock.GetUtcNow();
        var challenge = User.FindChallenge(Secrets.Hash(challengeSecret));
        if (User.Account is not { } account || challenge is null || !challenge.IsOpen(now))
        {
            return SendCodeOutcome.UnknownChallenge;
        }

        var device = account.Devices.Find(d => d.Id == deviceId);
        if (device is null)
        {
            return SendCodeOutcome.UnknownDevice;
        }

        var code = Secrets.NewCode();
        challenge.IssueCode(Secrets.Hash(code), now);
        await CommitAsync([new OneTimeCodeIssued
        {
            OccurredAt = now,
            Actor = account.UserId,
            To = device.Kind == Device.EmailKind
                ? new Recipient(account.UserId, account.Name, device.Destination)
                : new Recipient(account.UserId, account.Name, null, device.Destination),
            Code = code,
            ExpiresAt = challenge.CodeExpiresAt,
        }]);
        return SendCodeOutcome.Sent;
    }

    async Task<int?> IUserGrain.VerifyCodeAsync(string challengeSecret, string code)
    {
        var now = clock.GetUtcNow();
        var challenge = User.FindChallenge(Secrets.Hash(challengeSecret));
        if (User.Account is null || challenge is null || !challenge.IsOpen(now))
        {
            return null;
        }

        var verified = challenge.Verify(Secrets.Hash(code), now);
        if (challenge.Closed)
        {
            User.Challenges.Remove(challenge);
        }

        await CommitAsync([]);
        return verified ? User.SessionEpoch : null;
    }

    Task<int?> IUserGrain.SessionEpochAsync() => Task.FromResult(User.Account is null ? null : (int?)User.SessionEpoch);

    async Task IUserGrain.ProjectConnectionAsync(Connection connection)
    {
        var key = GrainKeys.Organization(connection.Organization.OrgType, connection.Organization.OrgId);
        if (User.Connections.TryGetValue(key, out var held) && held.Version >= connection.Version)
        {
            return;
        }

        User.Connections[key] = connection;
        await CommitAsync([]);
    }

    async Task IUserGrain.ProjectRequestAsync(MyRequest request)
    {
        if (User.Requests.TryGetValue(request.RequestId, out var held) && held.Version >= request.Version)
        {
            return;
        }

        User.Requests[request.RequestId] = request;
        await CommitAsync([]);
    }

    Task<Connection[]> IUserGrain.ConnectionsAsync() => Task.FromResult(User.Connections.Values.Where(c => c.Role is not null).ToArray());

    Task<MyRequest[]> IUserGrain.RequestsAsync() => Task.FromResult(User.Requests.Values.OrderByDescending(r => r.At).ToArray());

    Task<UserProfile?> IUserGrain.GetProfileAsync() => Task.FromResult(
        User.Account is { } a ? new UserProfile(a.UserId, a.FirstName, a.LastName, a.Email) : null);
}
