namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>
/// The same program with A-32's follow-up in seconds instead of days (<c>Access:PendingRequests:*</c>,
/// and Orleans' shortest reminder period to match), so that a browser test sees a request expire.
/// </summary>
public sealed class ExpiringPortalServer : PortalServer
{
    protected override void Configure(IDictionary<string, string?> environment)
    {
        environment["Orleans__ReminderOptions__MinimumReminderPeriod"] = "00:00:05";
        environment["Access__PendingRequests__RemindAfter"] = "00:00:05";
        environment["Access__PendingRequests__RemindAgainAfter"] = "00:00:10";
        environment["Access__PendingRequests__ExpireAfter"] = "00:00:15";
        environment["Access__PendingRequests__CheckEvery"] = "00:00:05";
    }
}

/// <summary>Browser tests that need an <see cref="ExpiringPortalServer"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ExpiringPortalCollection : ICollectionFixture<ExpiringPortalServer>
{
    public const string Name = "portal-expiring";
}
