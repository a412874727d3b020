using System.Globalization;
using System.Text.Json;
using QppOrleans.Bench;

// Drives a running QPP Access instance over HTTP and reports what it measured.
//   dotnet run -c Release --project bench/QppOrleans.Bench -- directory --url http://127.0.0.1:5080
//       [--practices 200000] [--clinicians 5] [--searches 2000] [--server-pid PID] [--json]
if (args.Length == 0 || args[0] != "directory")
{
    Console.Error.WriteLine("usage: directory --url URL [--practices N] [--clinicians N] [--searches N] [--server-pid PID] [--json]");
    return 2;
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
var json = false;
for (var i = 1; i < args.Length; i++)
{
    if (args[i] == "--json")
    {
        json = true;
    }
    else if (i + 1 < args.Length)
    {
        options[args[i]] = args[++i];
    }
}

int Number(string name, int fallback) => options.TryGetValue(name, out var text) ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

var url = new Uri(options.GetValueOrDefault("--url", "http://127.0.0.1:5080"));
var server = options.TryGetValue("--server-pid", out var pid) ? new ServerProcess(int.Parse(pid, CultureInfo.InvariantCulture)) : null;
var result = await DirectoryScenario.RunAsync(url, Number("--practices", 200_000), Number("--clinicians", 5), Number("--searches", 2000), server);
var text = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = !json });
Console.WriteLine(text);
return 0;
