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
    public Task Invoke(IIncomingGrainCallContext context)
    {
        // Most reads finish at once; only a call still running needs watching.
        Task call;
        try
        {
            call = context.Invoke();
        }
#pragma warning disable CA1031 // Not swallowed: a call that throws at once becomes the same failed task a later failure would be.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            call = Task.FromException(exception);
        }

        return call.IsCompletedSuccessfully ? call : Watch(call);
    }

    private static async Task Watch(Task call)
    {
        try
        {
            await call;
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
