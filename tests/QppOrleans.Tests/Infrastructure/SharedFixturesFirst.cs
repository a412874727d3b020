using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("QppOrleans.Tests.Infrastructure.SharedFixturesFirst", "QppOrleans.Tests")]

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Starts the named collections first: each runs several classes one after another (or the
/// processes), so they take longest, and one started late would be the last to finish. Only a
/// few collections run at once (xunit.runner.json); xunit's own order is random.
/// </summary>
public sealed class SharedFixturesFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.CollectionDefinition is null).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
