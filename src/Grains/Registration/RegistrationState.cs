using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Registration;

[GenerateSerializer, Alias("qpp.registration.RegistrationState")]
public sealed class RegistrationState : IHasOutbox
{
    [Id(0)] public Outbox Outbox { get; set; } = new();

    /// <summary>R-7: set the first time the organization registers, never changed after.</summary>
    [Id(1)] public string? RegistrationId { get; set; }

    [Id(2)] public string? Size { get; set; }

    /// <summary>Null until saved: the directory's name and address are shown instead .</summary>
    [Id(3)] public OrganizationInfo? Organization { get; set; }

    [Id(4)] public List<Contact> Contacts { get; set; } = [];

    [Id(5)] public ProgramStatus WebInterface { get; set; } = new(false);

    [Id(6)] public ProgramStatus Cahps { get; set; } = new(false);

    [Id(7)] public Sampling? Sampling { get; set; }

    [Id(8)] public List<HistoryEntry> History { get; set; } = [];

    /// <summary>Counts changes; the ETag.</summary>
    [Id(9)] public long Version { get; set; }

    [Id(10)] public int NextContact { get; set; } = 1;

    /// <summary>The latest contact creations by request key, newest last (at most <see cref="RememberedContactRequests"/>).</summary>
    [Id(11)] public List<ContactRequest> ContactRequests { get; set; } = [];

    public const int RememberedContactRequests = 50;
}

/// <summary>A contact created for an <c>Idempotency-Key</c>.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.ContactRequest")]
public sealed record ContactRequest([property: Id(0)] string Key, [property: Id(1)] string ContactId);
