using MudBlazor.Services;
using SpectralLab.Web.Components;

namespace SpectralLab.Web;

/// <summary>Registrations and the request pipeline of the web lab, kept out of Program.cs.</summary>
public static class LabHost
{
    public static WebApplicationBuilder AddSpectralLab(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UseSpectralLab(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
