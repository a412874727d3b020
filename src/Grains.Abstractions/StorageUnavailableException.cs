namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// Grain storage could not be reached: what the caller asked to change was not stored. Stands in
/// for the database driver's own exception, which cannot cross from a silo to its caller.
/// </summary>
[GenerateSerializer, Alias("qpp.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
