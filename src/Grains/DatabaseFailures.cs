using System.Data.Common;
using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains;

/// <summary>
/// Database failures inside a grain call (reminders, the directory table, anything not behind
/// <see cref="GuardedGrainStorage"/>) leave the silo as <see cref="StorageUnavailableException"/>:
/// the driver's exceptions cannot be serialized back to the caller.
/// </summary>
public sealed class DatabaseFailures : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (Find(exception) is { } database)
        {
            throw Unavailable(database);
        }
    }

    public static DbException? Find(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException database)
            {
                return database;
            }
        }

        return null;
    }

    public static StorageUnavailableException Unavailable(DbException database) =>
        new($"The database is unavailable ({database.GetType().Name}: {database.Message})");
}
