namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>An event about one organization, with the people the publisher decided to tell.</summary>
[GenerateSerializer, Alias("qpp.events.OrganizationEvent")]
public abstract record OrganizationEvent : DomainEvent
{
    [Id(0)] public OrganizationRef Organization { get; init; } = null!;

    /// <summary>Who hears of it by email and on screen, resolved by the publisher when it happened.</summary>
    [Id(1)] public Recipient[] Notify { get; init; } = [];

    /// <summary>The organization's change counter after this change, so projections apply changes in order.</summary>
    [Id(2)] public long Version { get; init; }
}
