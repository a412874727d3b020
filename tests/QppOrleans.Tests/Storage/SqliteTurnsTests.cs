using System.Data;
using Microsoft.Data.Sqlite;
using QppOrleans.Silo.Hosting;

namespace QppOrleans.Tests.Storage;

/// <summary>
/// N-2 (nothing acknowledged is lost) at speed on the embedded default: grain state and reminders
/// take turns on the SQLite file in the process instead of sleeping in SQLite's busy handler.
/// </summary>
public sealed class SqliteTurnsTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"qpp-turns-{Guid.NewGuid():N}.db");

    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();

    [Fact]
    public async Task A_second_connection_opens_only_after_the_first_closes()
    {
        using var source = new SqliteDataSource(ConnectionString, oneAtATime: true);
        await using var first = await source.OpenConnectionAsync();

        var second = source.CreateConnection();
        var opening = second.OpenAsync();
        await Task.Delay(200);
        Assert.False(opening.IsCompleted);

        await first.CloseAsync();
        await opening.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ConnectionState.Open, second.State);
        await second.DisposeAsync();

        // Closing twice, or disposing after closing, gives back one turn only.
        await first.DisposeAsync();
        await using var third = await source.OpenConnectionAsync();
        var fourth = source.CreateConnection();
        var blocked = fourth.OpenAsync();
        await Task.Delay(200);
        Assert.False(blocked.IsCompleted);
        await third.CloseAsync();
        await blocked.WaitAsync(TimeSpan.FromSeconds(5));
        await fourth.DisposeAsync();
    }

    [Fact]
    public async Task A_connection_that_fails_to_open_gives_its_turn_back()
    {
        var missingFolder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(file + ".missing", "x.db"), Pooling = false }.ToString();
        using var source = new SqliteDataSource(missingFolder, oneAtATime: true);
        await using (var failing = source.CreateConnection())
        {
            await Assert.ThrowsAsync<SqliteException>(() => failing.OpenAsync());
        }

        await using var next = source.CreateConnection();
        await Assert.ThrowsAsync<SqliteException>(() => next.OpenAsync().WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Without_turns_connections_open_side_by_side()
    {
        using var source = new SqliteDataSource(ConnectionString);
        await using var first = await source.OpenConnectionAsync();
        await using var second = await source.OpenConnectionAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ConnectionState.Open, second.State);
    }

    public void Dispose()
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
