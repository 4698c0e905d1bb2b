using System.Globalization;
using OrleansScim.Baseline;

// The baselines of the read path (issue 15), in a process of their own and outside the product: the same
// bytes a typical GET /Users/{id} answers with, written from a static buffer (/bare/{id}) and from a
// co-hosted grain (/grain/{id}), with no authentication, throttling, routing groups or telemetry. What the
// SCIM host does beyond these is what its layers cost.
// Usage: dotnet OrleansScim.Baseline.dll --urls http://127.0.0.1:PORT --Document FILE [--SiloPort N --GatewayPort N]
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var document = File.ReadAllBytes(builder.Configuration["Document"] ?? throw new InvalidOperationException("--Document FILE: the bytes to answer with."));
DocumentGrain.Bytes = document;
var siloPort = int.Parse(builder.Configuration["SiloPort"] ?? "21111", CultureInfo.InvariantCulture);
var gatewayPort = int.Parse(builder.Configuration["GatewayPort"] ?? "41111", CultureInfo.InvariantCulture);
builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort));

var app = builder.Build();
app.MapGet("/bare/{id}", (HttpContext context) => Answer.WriteAsync(context, document));
app.MapGet("/grain/{id}", async (HttpContext context, IGrainFactory grains, string id) =>
    await Answer.WriteAsync(context, (await grains.GetGrain<IDocumentGrain>(id).GetAsync()).Bytes));
app.Run();
