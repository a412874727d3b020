using QppOrleans.Api.Hosting;

var app = QppApi.Build(args);
await QppApi.RunAsync(app);
