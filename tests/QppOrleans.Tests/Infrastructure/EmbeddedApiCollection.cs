namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Test classes that share one embedded API, one at a time. Each test makes its own people,
/// practices and keys; none moves the clock, counts what others made, changes a limit or needs
/// the API configured otherwise (those have an API of their own).
/// </summary>
[CollectionDefinition(Name)]
public sealed class EmbeddedApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "embedded API";
}
