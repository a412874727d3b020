using Orleans.Concurrency;
namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>
/// A person's account (A-1 … A-6), keyed by <see cref="GrainKeys.User"/> of the normalized user id.
/// The grain of an id nobody registered answers sign-in exactly like a wrong password.
/// </summary>
[Alias("qpp.accounts.IUserGrain")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>False when the user id is taken. The input is already validated.</summary>
    [Alias("Create")]
    Task<bool> CreateAsync(NewAccount account);

    [Alias("SignIn")]
    Task<SignInResult> SignInAsync(string password);

    /// <summary>Sends a fresh one-time code for the challenge to the chosen device .</summary>
    [Alias("SendCode")]
    Task<SendCodeOutcome> SendCodeAsync(string challengeSecret, string deviceId);

    /// <summary>
    /// Once, for the right unexpired code of an open challenge: the session epoch the bearer
    /// token carries. Null for a wrong code.
    /// </summary>
    [Alias("VerifyCode")]
    Task<int?> VerifyCodeAsync(string challengeSecret, string code);

    /// <summary>
    /// The epoch a bearer token must carry to be honoured; null when there is no account. Tokens
    /// with an older epoch were issued before the account locked.
    /// </summary>
    [Alias("SessionEpoch"), ReadOnly]
    Task<int?> SessionEpochAsync();

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
