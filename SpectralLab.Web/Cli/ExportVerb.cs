using System.CommandLine;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>`export`: a stored run's weights as a PyTorch state dict (torch.load) or as safetensors, from its latest or best checkpoint.</summary>
static class ExportVerb
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<long>("--run") { Description = "The run to export (its number in /runs).", Required = true };
        var format = Choice<ExportFormat>("--format", "pt: a PyTorch state dict; safetensors.");
        var which = Choice<CheckpointChoice>("--which", "The checkpoint to export: latest, or best (lowest validation loss).");
        var output = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var state = StoreOptionSet.StateOption();
        var command = new Command("export", "Write a stored run's weights for PyTorch (a state dict, or safetensors).") { run, format, which, output, state };
        command.SetAction(result => Run(console, result.GetValue(run), Enum.Parse<ExportFormat>(result.GetValue(format)!, ignoreCase: true),
            Enum.Parse<CheckpointChoice>(result.GetValue(which)!, ignoreCase: true), result.GetValue(output)!, result.GetValue(state)!));
        return command;
    }

    /// <summary>An option naming one of <typeparamref name="T"/>'s values in lower case, the first by default; anything else is one sentence.</summary>
    static Option<string> Choice<T>(string name, string description) where T : struct, Enum
    {
        string[] names = [.. Enum.GetNames<T>().Select(n => n.ToLowerInvariant())];
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => names[0] };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [var token] && !names.Contains(token.Value, StringComparer.OrdinalIgnoreCase))
                result.AddError($"{name} must be one of {string.Join(", ", names)} (got '{token.Value}').");
        });
        return option;
    }

    // The export's tensors are made and freed on this thread (the verb's own): no await.
    static int Run(CliConsole console, long run, ExportFormat format, CheckpointChoice which, FileInfo output, string state)
    {
        if (run < 1) return console.Fail($"--run must be a run's number, 1 or more (got {run}).");
        if (output.Directory is { Exists: false } folder) return console.Fail($"--out: the folder {folder.FullName} does not exist; create it or write elsewhere.");
        string writing = output.FullName + ".writing";
        try
        {
            string? problem;
            using (var file = File.Create(writing)) problem = new RunDownloads(LabSettings.For(state).OpenStore()).Export(run, which, format, file);
            if (problem is not null) return console.Fail(problem, ExitCodes.Failure);
            File.Move(writing, output.FullName, overwrite: true);
        }
        catch (Exception e) when (e is RunStoreException or IOException or UnauthorizedAccessException)
        {
            return console.Fail(e.Message, ExitCodes.Failure);
        }
        finally { File.Delete(writing); }
        console.Out.WriteLine($"run {run}'s {which.ToString().ToLowerInvariant()} weights: {output.FullName}");
        return ExitCodes.Success;
    }
}
