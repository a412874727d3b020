namespace QppOrleans.WebPortal.Session;

/// <summary>
/// The API's known-client token for this browser: shown at the next sign-in, it tells
/// the API that this browser signed in to the account before, so that failed passwords from
/// elsewhere do not lock its owner out here.
/// </summary>
public sealed record KnownClient(string Token);
