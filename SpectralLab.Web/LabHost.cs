using Microsoft.Extensions.Options;
using MudBlazor.Services;
using SpectralLab.Core.Data;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Lab.Workers;
using SpectralLab.Web.Api;
using SpectralLab.Web.Components;
using SpectralLab.Web.Http;

namespace SpectralLab.Web;

/// <summary>Registrations and the request pipeline of the web lab, kept out of Program.cs.</summary>
public static class LabHost
{
    public static WebApplicationBuilder AddSpectralLab(this WebApplicationBuilder builder)
    {
        // Serve the assets of a build (not only of a publish) in every environment: `dotnet run` is how people use the lab.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddOptions<LabOptions>().BindConfiguration(LabOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LabOptions>, LabOptionsValidator>();
        builder.Services.AddSingleton(sp => new LabDataset(sp.GetRequiredService<IOptions<LabOptions>>().Value.DataDirectory));
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<LabOptions>>().Value.OpenStore());
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<LabOptions>>().Value.Limits);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<LabOptions>>().Value.MemoryBudget);
        builder.Services.AddSingleton(sp => new LiveHub(sp.GetRequiredService<RunStateLimits>()));
        builder.Services.AddSingleton<ILiveFeed>(sp => sp.GetRequiredService<LiveHub>());
        builder.Services.AddSingleton<IRunQueries>(sp => new RunQueries(sp.GetRequiredService<IRunStore>(), sp.GetRequiredService<RunStateLimits>(),
            sp.GetRequiredService<IOptions<LabOptions>>().Value.StateDirectory));
        builder.Services.AddSingleton<SpectralLab.Core.Lab.Sweeps.SweepPlans>();
        builder.Services.AddSingleton<IRunNotes>(sp => new RunNotes(sp.GetRequiredService<IRunStore>()));
        builder.Services.AddSingleton(sp => new RunDownloads(sp.GetRequiredService<IRunStore>()));
        builder.Services.AddSingleton<TrainingService>();
        builder.Services.AddSingleton(_ => new TorchWorker());
        builder.Services.AddSingleton<IActivationQueries>(sp => new ActivationQueries(sp.GetRequiredService<IRunStore>(), sp.GetRequiredService<LabDataset>(), sp.GetRequiredService<TorchWorker>()));
        builder.Services.AddSingleton<IFilterPlayground>(sp => new FilterPlaygroundService(sp.GetRequiredService<IRunStore>(), sp.GetRequiredService<LabDataset>(), sp.GetRequiredService<TorchWorker>()));
        builder.Services.AddSingleton<IFlexibilityAnalysis>(sp => new FlexibilityService(sp.GetRequiredService<IOptions<LabOptions>>().Value.StateDirectory,
            sp.GetRequiredService<LabDataset>(), sp.GetRequiredService<TorchWorker>(), sp.GetRequiredService<IRunStore>));
        builder.Services.AddSingleton<ITrainingControl>(sp => sp.GetRequiredService<TrainingService>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<TrainingService>());
        builder.Services.AddHostedService<MemoryReport>();
        if (builder.Configuration.GetSection(LabOptions.Section).Get<LabOptions>() is { SharesStore: true })
        {
            builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<LabOptions>>().Value.OpenQueue());
            builder.Services.AddHostedService(sp => new WorkerRunsFollower(sp.GetRequiredService<LiveHub>(), sp.GetRequiredService<IRunStore>(),
                TimeSpan.FromSeconds(1), sp.GetRequiredService<ILogger<WorkerRunsFollower>>()));
        }

        // A local, single-user lab: few circuits, small messages, disconnected tabs let go soon.
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(circuits =>
            {
                circuits.DisconnectedCircuitMaxRetained = 16;
                circuits.DisconnectedCircuitRetentionPeriod = TimeSpan.FromMinutes(2);
                circuits.MaxBufferedUnacknowledgedRenderBatches = 8;
            })
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = 64 * 1024);
        builder.Services.AddMudServices();
        builder.Services.AddApiProblems();
        builder.Services.AddSingleton(AccessPolicy.From(builder.Configuration["urls"],
            builder.Configuration.GetValue<bool?>($"{LabOptions.Section}:RequireAccessToken"), builder.Configuration[$"{LabOptions.Section}:AccessToken"]));
        // Statuses and outcomes read as words in the API, not as enum numbers.
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication UseSpectralLab(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<AccessPolicy>();
        app.UseSecurityHeaders();
        app.UseHeadAsGet();
        app.UseSameOriginCircuits();
        app.UseAccessToken(access);
        if (access.Required) app.Lifetime.ApplicationStarted.Register(() => PrintTokenAddresses(app, access));
        app.UseApiProblems();
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseRouting(); // after the rules above, so that a HEAD request is routed as the GET it now is
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapFilterApi();
        app.MapRunApi();
        app.MapApiFallback();
        return app;
    }

    /// <summary>The addresses to open, token included: whoever started the lab can copy one into a browser.</summary>
    static void PrintTokenAddresses(WebApplication app, AccessPolicy access)
    {
        Console.WriteLine("The lab asks for an access token on every request (it listens beyond this machine, or SpectralLab:RequireAccessToken is set). Open:");
        foreach (var url in app.Urls) Console.WriteLine($"    {url.TrimEnd('/')}/?token={access.Token}");
    }

    /// <summary>
    /// Opens (and upgrades) the run database, then serves until shut down. A bad setting or an unusable database is
    /// one line for the user and a non-zero exit, not a stack trace.
    /// </summary>
    public static int RunLab(this WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IRunStore>();
            app.Services.GetService<TrainingQueue>();
            app.Run();
            return Cli.ExitCodes.Success;
        }
        catch (Exception e) when (e is RunStoreException or OptionsValidationException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Cli.ExitCodes.Failure;
        }
    }
}
