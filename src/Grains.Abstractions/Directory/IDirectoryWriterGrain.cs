namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>Writes directory batches into the directory store of the silo it runs on.</summary>
[Alias("qpp.directory.IDirectoryWriterGrain")]
public interface IDirectoryWriterGrain : IGrainWithIntegerKey
{
    /// <summary>Operators only (<paramref name="operatorId"/> is checked).</summary>
    [Alias("Write"), ResponseTimeout("00:02:00")]
    Task<ImportResult[]> WriteAsync(string operatorId, DirectoryEntry[] batch);
}
