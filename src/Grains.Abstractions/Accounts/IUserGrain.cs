using Orleans.Concurrency;
namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>
/// A person's account (A-1 … A-9), keyed by <see cref="GrainKeys.User"/> of the normalized user id.
/// The grain of an id nobody registered answers sign-in and password reset exactly like a wrong
/// password and a real reset. Methods that change a credential return null when done, or why not.
/// </summary>
[Alias("qpp.accounts.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>False when the user id is taken. The input is already validated.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync(NewAccount account);

    /// <summary>
    /// The operators' own way in (not the public API): creates the account, or replaces its
    /// password, names, email and devices and ends its sessions, and marks it as an operator's.
    /// True when the account was created.
    /// </summary>
    [Alias("ProvisionOperator")]
    Task<bool> ProvisionOperatorAsync(NewAccount account);

    /// <summary>Whether the account was provisioned as an operator's (grains check this themselves).</summary>
    [Alias("IsOperator"), ReadOnly]
    Task<bool> IsOperatorAsync();

    /// <summary>
    /// A-2 … A-4. <paramref name="client"/> is the client the attempt comes from; a client that
    /// proved it signed in to this account before (<paramref name="knownClient"/>) is not held
    /// back by failures that other clients caused.
    /// </summary>
    [Alias("SignIn")]
    Task<SignInResult> SignInAsync(string password, string client, bool knownClient);

    /// <summary>Sends a fresh one-time code for the challenge to the chosen device .</summary>
    [Alias("SendCode")]
    Task<SendCodeOutcome> SendCodeAsync(string challengeSecret, string deviceId);

    /// <summary>Once, for the right unexpired code of an open sign-in challenge; null for a wrong code.</summary>
    [Alias("VerifyCode")]
    Task<SessionGrant?> VerifyCodeAsync(string challengeSecret, string code);

    /// <summary>What a bearer token of this account must match to be honoured; null when there is no account .</summary>
    [Alias("Session"), ReadOnly]
    Task<AccountSession?> SessionAsync();

    /// <summary>A-7: the token with this id stops working; it would have expired at <paramref name="expires"/>.</summary>
    [Alias("SignOut")]
    Task SignOutAsync(string tokenId, DateTimeOffset expires);

    /// <summary>A-7: every token issued so far stops working.</summary>
    [Alias("SignOutEverywhere")]
    Task SignOutEverywhereAsync();

    /// <summary>
    /// a challenge for a signed-in person to confirm a change with a fresh code; its
    /// code is sent with <see cref="SendCodeAsync"/>. Null when there is no account.
    /// </summary>
    [Alias("OpenConfirmation")]
    Task<SignInResult?> OpenConfirmationAsync();

    /// <summary>A-8: the current password and a fresh code of a confirmation challenge.</summary>
    [Alias("ChangePassword")]
    Task<Refusal?> ChangePasswordAsync(string currentPassword, string newPassword, string challengeSecret, string code, string client);

    /// <summary>
    /// a reset challenge, whose code goes to the account's devices of the kind the person
    /// picks. An id without an account gets a challenge too, which never sends anything.
    /// </summary>
    [Alias("StartPasswordReset")]
    Task<string> StartPasswordResetAsync();

    /// <summary>A-8: sets the new password with the reset code; every session ends.</summary>
    [Alias("CompletePasswordReset")]
    Task<Refusal?> CompletePasswordResetAsync(string challengeSecret, string code, string newPassword);

    [Alias("Devices"), ReadOnly]
    Task<DeviceView[]> DevicesAsync();

    /// <summary>
    /// after a fresh code of a confirmation challenge, sends a code to the new address; the
    /// device is added once that code comes back (<see cref="ConfirmDeviceAsync"/>).
    /// </summary>
    [Alias("AddDevice")]
    Task<(Refusal? Refusal, string? DeviceId)> AddDeviceAsync(string kind, string destination, string challengeSecret, string code);

    [Alias("ConfirmDevice")]
    Task<Refusal?> ConfirmDeviceAsync(string deviceId, string code);

    /// <summary>A-9: after a fresh code of a confirmation challenge; never the last device.</summary>
    [Alias("RemoveDevice")]
    Task<Refusal?> RemoveDeviceAsync(string deviceId, string challengeSecret, string code);

    /// <summary>Null when there is no account.</summary>
    [Alias("Profile"), ReadOnly]
    Task<UserProfile?> GetProfileAsync();

    /// <summary>Projection of a role change at an organization; an older version than the one held changes nothing.</summary>
    [Alias("ProjectConnection")]
    Task ProjectConnectionAsync(Access.Connection connection);

    /// <summary>Projection of one of the person's requests; an older version than the one held changes nothing.</summary>
    [Alias("ProjectRequest")]
    Task ProjectRequestAsync(Access.MyRequest request);

    /// <summary>The organizations where the person holds a role.</summary>
    [Alias("Connections"), ReadOnly]
    Task<Access.Connection[]> ConnectionsAsync();

    [Alias("Requests"), ReadOnly]
    Task<Access.MyRequest[]> RequestsAsync();
}
