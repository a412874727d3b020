using System.Globalization;
using System.Text;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Silo.Commands;

/// <summary>
/// <c>generate-directory [--practices N] [--clinicians N] [--seed N] [--out FILE]</c>: writes a
/// synthetic directory as import NDJSON (to standard output without <c>--out</c>), with progress on
/// standard error.
/// </summary>
public static class GenerateDirectoryCommand
{
    public const string Name = "generate-directory";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string> { ["--practices"] = "1000", ["--clinicians"] = "5", ["--seed"] = "2021" };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Usage($"unexpected argument '{args[i]}'");
            }

            options[args[i]] = args[i + 1];
        }

        if (!int.TryParse(options["--practices"], CultureInfo.InvariantCulture, out var practices) || practices < 1
            || !int.TryParse(options["--clinicians"], CultureInfo.InvariantCulture, out var clinicians) || clinicians is < 0 or > 100
            || !int.TryParse(options["--seed"], CultureInfo.InvariantCulture, out var seed))
        {
            return Usage("--practices is a positive number, --clinicians 0 to 100, --seed a number");
        }

        var generator = new DirectoryGenerator(practices, clinicians, seed);
        await using var output = options.TryGetValue("--out", out var path)
            ? new StreamWriter(path, append: false, new UTF8Encoding(false), bufferSize: 1 << 16)
            : new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), bufferSize: 1 << 16);
        using var cancellation = new CancellationTokenSource();
        var progress = Task.Run(async () =>
        {
            while (!cancellation.IsCancellationRequested)
            {
                await Console.Error.WriteAsync($"\rgenerating: {Math.Min(generator.Written, practices):N0} of {practices:N0} practices");
                await Task.Delay(500, CancellationToken.None);
            }
        });
        await generator.WriteAsync(output);
        await cancellation.CancelAsync();
        await progress;
        await Console.Error.WriteLineAsync($"\rgenerated {generator.Written:N0} organizations ({practices:N0} practices with {clinicians} clinicians each){(path is null ? "" : " in " + path)}");
        return 0;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"{Name}: {problem}\nusage: {Name} [--practices N] [--clinicians N] [--seed N] [--out FILE]");
        return 2;
    }
}
