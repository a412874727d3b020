namespace QppOrleans.Bench;

/// <summary>A progress bar on standard error, redrawn twice a second until disposed.</summary>
internal sealed class Progress : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task drawing;

    public Progress(string label, int total, Func<int> done)
    {
        drawing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Draw(label, total, done());
                try
                {
                    await Task.Delay(500, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }

            Draw(label, total, done());
            await Console.Error.WriteLineAsync();
        });
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await drawing;
        stop.Dispose();
    }

    private static void Draw(string label, int total, int done)
    {
        var percent = total == 0 ? 100 : Math.Min(100, done * 100 / total);
        Console.Error.Write($"\r{label}: [{new string('#', percent / 5),-20}] {percent,3}% ({done:N0} of {total:N0})");
    }
}
