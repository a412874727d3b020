using QppOrleans.Api.Accounts;
using QppOrleans.Api.Hosting;

if (args.Length > 0 && args[0] == ProvisionOperatorCommand.Name)
{
    return await ProvisionOperatorCommand.RunAsync(args[1..]);
}

var app = QppApi.Build(args);
await QppApi.RunAsync(app);
return 0;
