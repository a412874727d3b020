namespace QppOrleans.Grains.Notifications.Email;

/// <summary>An email waiting in a channel's queue, with its delivery attempts.</summary>
[GenerateSerializer, Alias("qpp.notifications.OutgoingMail")]
public sealed class OutgoingMail
{
    /// <summary>The event id and the recipient's place in it: the same for every repeat of the event.</summary>
    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public string ToAddress { get; set; } = "";

    [Id(2)] public string ToName { get; set; } = "";

    [Id(3)] public string Subject { get; set; } = "";

    [Id(4)] public string Body { get; set; } = "";

    [Id(5)] public int Attempts { get; set; }

    [Id(6)] public DateTimeOffset NextAttemptAt { get; set; }

    [Id(7)] public string? LastError { get; set; }

    /// <summary>When the mail holds a one-time code: the code's expiry. An expired code is not sent, and never kept in a set-aside mail.</summary>
    [Id(8)] public DateTimeOffset? CodeExpiresAt { get; set; }

    /// <summary>When it was set aside as undeliverable.</summary>
    [Id(9)] public DateTimeOffset? SetAsideAt { get; set; }
}
