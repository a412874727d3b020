namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>One API process for all browser tests; each test makes its own people and organizations.</summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "portal";
}
