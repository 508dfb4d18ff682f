using System.CommandLine;
using SpectralLab.Core.Models;

namespace SpectralLab.Web.Cli;

/// <summary>`models`: every model with its parameter count and a one-line description.</summary>
static class ModelsVerb
{
    public static Command Create(CliConsole console)
    {
        var json = new Option<bool>("--json") { Description = "One JSON array instead of a table." };
        var command = new Command("models", "List the models the lab can train.") { json };
        command.SetAction(result => Run(console, result.GetValue(json)));
        return command;
    }

    static int Run(CliConsole console, bool json)
    {
        var rows = ModelCatalog.All.Select(descriptor =>
        {
            using var model = descriptor.Create();
            return new { name = descriptor.Name, displayName = descriptor.DisplayName, parameters = model.ParameterCount, description = descriptor.Description };
        }).ToList();
        if (json)
        {
            console.WriteJson(rows);
            return ExitCodes.Success;
        }
        int width = rows.Max(r => r.name.Length);
        foreach (var row in rows)
            console.Out.WriteLine($"{row.name.PadRight(width)}  {row.parameters,8:N0}  {row.description}");
        return ExitCodes.Success;
    }
}
