using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications.Email;

[GenerateSerializer, Alias("qpp.notifications.EmailChannelState")]
public sealed class EmailChannelState
{
    /// <summary>Events the channel is done with: every message sent, set aside or (a code expired) dropped.</summary>
    [Id(0)] public RecentEvents Taken { get; set; } = new();

    /// <summary>
    /// Mail being sent. Kept in memory and stored only with the marks of finished events; its
    /// events stay in their publishers' outboxes until done, which is what survives a crash.
    /// </summary>
    [Id(1)] public List<OutgoingMail> Pending { get; set; } = [];

    /// <summary>Refused for good by the SMTP server (e.g. no such mailbox); kept, never dropped silently.</summary>
    [Id(2)] public List<OutgoingMail> Undeliverable { get; set; } = [];

    [Id(3)] public long Sent { get; set; }

    /// <summary>When each address was last told that this registration was modified .</summary>
    [Id(5)] public Dictionary<string, DateTimeOffset> ModificationsTold { get; set; } = [];

    /// <summary>
    /// after an address is told a registration was modified, further modifications within this
    /// time are not mailed again — the first message already says so — so that a script editing a
    /// registration cannot mail its contacts without end. Submissions and cancellations always are.
    /// </summary>
    public static readonly TimeSpan ModificationQuiet = TimeSpan.FromMinutes(10);

    /// <summary>True when <paramref name="address"/> is to be told of a modification now (and it is noted).</summary>
    public bool TellOfModification(string address, DateTimeOffset now)
    {
        foreach (var stale in ModificationsTold.Where(t => now - t.Value >= ModificationQuiet).Select(t => t.Key).ToList())
        {
            ModificationsTold.Remove(stale);
        }

        var key = address.ToLowerInvariant();
        if (ModificationsTold.ContainsKey(key))
        {
            return false;
        }

        ModificationsTold[key] = now;
        return true;
    }

    /// <summary>Set-aside mail kept at most, newest kept (each is also in the log).</summary>
    public const int UndeliverableKept = 100;

    /// <summary>How long a set-aside mail is kept for an operator to look at.</summary>
    public static readonly TimeSpan UndeliverableKeptFor = TimeSpan.FromDays(30);

    /// <summary>Keeps a refused mail for operators, without a code it may hold (it would be a secret at rest).</summary>
    public void SetAside(OutgoingMail mail, DateTimeOffset now)
    {
        if (mail.CodeExpiresAt is not null)
        {
            mail.Body = "[The verification code in this message is withheld.]";
        }

        mail.SetAsideAt = now;
        Undeliverable.Add(mail);
        Prune(now);
    }

    /// <summary>Drops set-aside mail beyond <see cref="UndeliverableKept"/> or older than <see cref="UndeliverableKeptFor"/>; true when any went.</summary>
    public bool Prune(DateTimeOffset now)
    {
        var before = Undeliverable.Count;
        Undeliverable.RemoveAll(m => now - (m.SetAsideAt ?? now) >= UndeliverableKeptFor);
        if (Undeliverable.Count > UndeliverableKept)
        {
            Undeliverable.RemoveRange(0, Undeliverable.Count - UndeliverableKept);
        }

        return Undeliverable.Count != before;
    }
}
