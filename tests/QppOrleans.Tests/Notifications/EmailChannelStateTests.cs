using QppOrleans.Grains.Notifications.Email;

namespace QppOrleans.Tests.Notifications;

/// <summary>What the email channel keeps so that mail stays bounded (unit).</summary>
public sealed class EmailChannelStateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void R9_A_contact_is_told_of_modifications_once_in_ten_minutes_whatever_the_spelling_of_the_address()
    {
        var queue = new EmailChannelState();

        Assert.True(queue.TellOfModification("jane@example.org", Now));
        Assert.False(queue.TellOfModification("Jane@Example.org", Now + TimeSpan.FromMinutes(9)));
        Assert.True(queue.TellOfModification("sam@example.org", Now + TimeSpan.FromMinutes(9)));
        Assert.True(queue.TellOfModification("jane@example.org", Now + EmailChannelState.ModificationQuiet));
    }

    [Fact]
    public void Set_aside_mail_is_kept_without_its_code_and_only_so_much_and_so_long()
    {
        var queue = new EmailChannelState();
        queue.SetAside(new OutgoingMail { Id = "code", Body = "Your QPP verification code is 123456.", CodeExpiresAt = Now }, Now);
        for (var i = 0; i < EmailChannelState.UndeliverableKept + 5; i++)
        {
            queue.SetAside(new OutgoingMail { Id = $"m{i}", Body = "notice" }, Now + TimeSpan.FromSeconds(i));
        }

        Assert.Equal(EmailChannelState.UndeliverableKept, queue.Undeliverable.Count);
        Assert.DoesNotContain(queue.Undeliverable, m => m.Id == "code");
        Assert.True(queue.Prune(Now + EmailChannelState.UndeliverableKeptFor + TimeSpan.FromHours(1)));
        Assert.Empty(queue.Undeliverable);

        var fresh = new EmailChannelState();
        fresh.SetAside(new OutgoingMail { Id = "code", Body = "Your QPP verification code is 123456.", CodeExpiresAt = Now }, Now);
        Assert.DoesNotContain("123456", fresh.Undeliverable.Single().Body, StringComparison.Ordinal);
    }
}
