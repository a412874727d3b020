using QppOrleans.Grains.Abstractions.Accounts;
namespace QppOrleans.Grains.Accounts;

/// <summary>
/// who may still try a password for one account. Failures are counted per client, so
/// that a script which locks itself out does not lock out the owner elsewhere; and across clients
/// the account does not know, so that many addresses together get no more than
/// <see cref="SignInRules.MaxFailuresFromUnknownClients"/> guesses in a lockout period. A client
/// that signed in to the account before is not held back by the others. A failure never ends
/// the owner's sessions.
/// <para>
/// Kept in memory by the account's grain, for known and unknown ids alike: a wrong password
/// stores nothing, so it costs the same whether or not the id exists, and an attacker cannot
/// turn guesses into storage writes. A grain that is collected or moves to another silo starts
/// counting again.
/// </para>
/// </summary>
public sealed class SignInGuard
{
    private readonly Dictionary<string, Strikes> clients = [];
    private readonly Queue<string> arrival = [];
    private Strikes unknownClients = new();

    public DateTimeOffset? LockedUntil(string client, bool knownClient, DateTimeOffset now)
    {
        var until = clients.TryGetValue(client, out var strikes) ? strikes.LockedUntil(now) : null;
        if (!knownClient && unknownClients.LockedUntil(now) is { } all && (until is null || all > until))
        {
            until = all;
        }

        return until;
    }

    public void Fail(string client, bool knownClient, DateTimeOffset now)
    {
        if (!clients.TryGetValue(client, out var strikes))
        {
            if (clients.Count >= SignInRules.ClientsRemembered)
            {
                clients.Remove(arrival.Dequeue());
            }

            clients[client] = strikes = new Strikes();
            arrival.Enqueue(client);
        }

        strikes.Add(now, SignInRules.MaxFailures);
        if (!knownClient)
        {
            unknownClients.Add(now, SignInRules.MaxFailuresFromUnknownClients);
        }
    }

    /// <summary>A right password clears the count of the client that gave it.</summary>
    public void Succeed(string client)
    {
        if (clients.TryGetValue(client, out var strikes))
        {
            strikes.Clear();
        }
    }

    /// <summary>A reset password makes every earlier guess moot.</summary>
    public void Clear()
    {
        clients.Clear();
        arrival.Clear();
        unknownClients = new Strikes();
    }

    /// <summary>Failures within one lockout period; the last one allowed locks for <see cref="SignInRules.Lockout"/>.</summary>
    private sealed class Strikes
    {
        private int count;
        private DateTimeOffset since;
        private DateTimeOffset? lockedUntil;

        public DateTimeOffset? LockedUntil(DateTimeOffset now) => lockedUntil is { } until && now < until ? until : null;

        public void Add(DateTimeOffset now, int limit)
        {
            if (count == 0 || now - since >= SignInRules.Lockout)
            {
                (count, since) = (0, now);
            }

            if (++count >= limit)
            {
                lockedUntil = now + SignInRules.Lockout;
                count = 0;
            }
        }

        public void Clear() => (count, lockedUntil) = (0, null);
    }
}
