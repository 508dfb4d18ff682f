using SpectralLab.Web;
using SpectralLab.Web.Cli;

if (!Verbs.ServesLab(args)) return Verbs.Run(args, CliConsole.Standard);

var builder = WebApplication.CreateBuilder(args);
builder.AddSpectralLab();
var app = builder.Build();
app.UseSpectralLab();
try
{
    app.Services.GetRequiredService<SpectralLab.Core.Runs.RunStore>(); // open (and upgrade) the run database before serving
    app.Run();
}
catch (Exception e) when (e is SpectralLab.Core.Runs.RunStoreException or Microsoft.Extensions.Options.OptionsValidationException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.Failure;
}
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
