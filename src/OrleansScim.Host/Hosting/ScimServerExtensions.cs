using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansScim.Grains.Hosting;
using OrleansScim.Host.Auth;
using OrleansScim.Host.Bulk;
using OrleansScim.Host.Endpoints;
using OrleansScim.Host.Telemetry;
using OrleansScim.Host.Throttling;
using OrleansScim.Protocol.Discovery;

namespace OrleansScim.Host.Hosting;

/// <summary>Everything <c>Program.cs</c> wires: options, the co-hosted silo, authentication, endpoints.</summary>
public static class ScimServerExtensions
{
    public static WebApplicationBuilder AddScimServer(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>();
        AdminListener.AddAdminListener(builder);
        builder.AddRequestSizeLimits();
        builder.AddTrustedProxies();
        builder.AddScimTelemetry();
        services.AddOptions<ScimHttpOptions>().BindConfiguration(ScimHttpOptions.Section).ValidateDataAnnotations()
            .Validate(o => o.HasValidPublicBaseUrl(), "Scim:PublicBaseUrl must be an absolute http(s) URL.").ValidateOnStart();
        services.AddOptions<OrleansHostOptions>().BindConfiguration(OrleansHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.AddOptions<ScimGrainOptions>().BindConfiguration(ScimGrainOptions.Section).ValidateOnStart();

        builder.UseOrleans(silo => SiloConfiguration.Configure(silo, builder.Configuration));
        // One clock for the silo and the front end (the silo registers the same one); TryAdd so that a test
        // host can put its own in first.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ITokenRecordSource, GrainTokenRecordSource>();
        services.AddSingleton<TokenRecordCache>();
        services.AddSingleton(sp => new TenantTokenCheck(sp.GetRequiredService<TokenRecordCache>()));
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddOptions<BulkOptions>().BindConfiguration(BulkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => ServiceCapabilitiesFrom(
            sp.GetRequiredService<IOptions<ScimGrainOptions>>().Value,
            sp.GetRequiredService<IOptions<ScimHttpOptions>>().Value,
            sp.GetRequiredService<IOptions<BulkOptions>>().Value));

        // Tenant tokens are the default scheme, so a SCIM request is authenticated once, by one handler,
        // before the rate limiter (which needs to know the tenant) runs. The admin policy names its own scheme.
        services.AddAuthentication(ScimClaims.TenantTokenScheme)
            .AddScheme<AuthenticationSchemeOptions, TenantTokenAuthenticationHandler>(ScimClaims.TenantTokenScheme, null)
            .AddScheme<AuthenticationSchemeOptions, AdminKeyAuthenticationHandler>(ScimClaims.AdminKeyScheme, null);
        services.AddAuthorizationBuilder()
            // The tenant policy reuses HttpContext.User from the default scheme instead of authenticating again.
            .AddPolicy(ScimClaims.TenantPolicy, policy => policy.RequireClaim(ScimClaims.TenantKey))
            .AddPolicy(ScimClaims.AdminPolicy, policy => policy.AddAuthenticationSchemes(ScimClaims.AdminKeyScheme).RequireRole("admin"));

        services.AddScimRateLimiting();
        services.AddProblemDetails();
        services.AddExceptionHandler<ScimExceptionHandler>();
        services.AddHealthChecks().AddCheck<SiloActiveHealthCheck>("silo", tags: [HealthEndpoints.ReadyTag]);
        services.AddHostedService<StartupReport>();
        services.AddSingleton<AdminAudit>();
        return builder;
    }

    public static WebApplication MapScimServer(this WebApplication app)
    {
        app.UseRequestMetrics();
        app.UseRequestSizeLimits();
        AdminListener.UseAdminListener(app);
        app.UseTrustedProxies(app.Configuration);
        app.UseExceptionHandler();
        app.UseAuthentication();
        app.UseTenantLogScope();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.MapHealth();
        app.MapScimTelemetry();
        app.MapAdmin();
        app.MapAdminLimits();
        app.MapAdminSchemas();
        app.MapScim();
        app.MapBenchmarkBaselines();
        return app;
    }

    /// <summary>What /ServiceProviderConfig advertises: exactly what the endpoints implement.</summary>
    private static ServiceCapabilities ServiceCapabilitiesFrom(ScimGrainOptions options, ScimHttpOptions http, BulkOptions bulk) => new()
    {
        Patch = true,
        ChangePassword = true,
        ETag = true,
        Sort = true,
        Bulk = true,
        BulkMaxOperations = bulk.BulkMaxOperations,
        BulkMaxPayloadSize = http.MaxRequestBodyBytes,
        CursorPagination = true,
        FilterMaxResults = options.MaxPageSize,
        MaxPageSize = options.MaxPageSize,
        DefaultPageSize = options.DefaultPageSize,
        DocumentationUri = "https://github.com/orleansscim/orleansscim#readme",
    };
}
