using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications.Email;

[GenerateSerializer, Alias("qpp.notifications.EmailChannelState")]
public sealed class EmailChannelState
{
    [Id(0)] public RecentEvents Taken { get; set; } = new();

    [Id(1)] public List<OutgoingMail> Pending { get; set; } = [];

    /// <summary>Refused for good by the SMTP server (e.g. no such mailbox); kept, never dropped silently.</summary>
    [Id(2)] public List<OutgoingMail> Undeliverable { get; set; } = [];

    [Id(3)] public long Sent { get; set; }

    [Id(4)] public WakeUp WakeUp { get; set; } = new();

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
