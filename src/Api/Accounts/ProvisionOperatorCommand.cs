using System.Globalization;
using System.Net;
using System.Net.Sockets;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// <c>provision-operator</c>: sets up an operator's account out of band, the only way one comes to
/// be (the public API refuses ids listed in <c>Access:Operators</c>). With the API's own settings
/// it reaches the same storage: as a client of the cluster, or with a silo of its own on the
/// embedded data file. The password is read from <c>QPP_OPERATOR_PASSWORD</c> or standard input,
/// never from the command line, where other users of the machine could read it.
/// </summary>
internal static class ProvisionOperatorCommand
{
    public const string Name = "provision-operator";

    private const string Usage =
        "usage: provision-operator --user-id ID --first-name NAME --last-name NAME --email ADDRESS [--phone NUMBER] [host settings...]\n" +
        "       the password comes from QPP_OPERATOR_PASSWORD or the first line of standard input";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--user-id" or "--first-name" or "--last-name" or "--email" or "--phone" && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
            else
            {
                rest.Add(args[i]);
            }
        }

        var password = Environment.GetEnvironmentVariable("QPP_OPERATOR_PASSWORD") ?? await Console.In.ReadLineAsync();
        var (userId, first, last, email) = (options.GetValueOrDefault("--user-id"), options.GetValueOrDefault("--first-name"),
            options.GetValueOrDefault("--last-name"), options.GetValueOrDefault("--email"));
        var errors = AccountInput.Check(userId, password, first, last, email, options.GetValueOrDefault("--phone"));
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(string.Join('\n', errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")) + "\n" + Usage);
            return 2;
        }

        var builder = WebApplication.CreateBuilder([.. rest]);
        var access = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        if (!access.Operators.Any(o => AccountInput.NormalizeUserId(o) == AccountInput.NormalizeUserId(userId!)))
        {
            await Console.Error.WriteLineAsync($"{userId} is not listed in Access:Operators; list it there first (environment variable Access__Operators__0).");
            return 2;
        }

        // A silo of its own on the embedded data file must not take the ports of an API that runs beside it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
        });
        var mode = builder.AddQppOrleans();
        using var host = builder.Build();
        await mode.PrepareStorageAsync(host.Services);
        await host.StartAsync();
        var created = await host.Services.GetRequiredService<IGrainFactory>().Reference<IUserGrain>(GrainKeys.User(AccountInput.NormalizeUserId(userId!)))
            .ProvisionOperatorAsync(new NewAccount(userId!, password!, first!, last!, email!, options.GetValueOrDefault("--phone")));
        await Console.Out.WriteLineAsync(created
            ? $"Operator {AccountInput.NormalizeUserId(userId!)} provisioned."
            : $"Operator {AccountInput.NormalizeUserId(userId!)} provisioned again: new password and devices, every session signed out.");
        await host.StopAsync();
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
