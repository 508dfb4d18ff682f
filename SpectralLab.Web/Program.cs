using SpectralLab.Web;
using SpectralLab.Web.Cli;

if (!Verbs.ServesLab(args)) return Verbs.Run(args, CliConsole.Standard);

var builder = WebApplication.CreateBuilder(args);
builder.AddSpectralLab();
var app = builder.Build();
app.UseSpectralLab();
return app.RunLab();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
