using OrleansScim.Host.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddScimServer();

var app = builder.Build();
app.MapScimServer();
app.Run();

/// <summary>Entry point; public for WebApplicationFactory in the functional tests.</summary>
public partial class Program;
