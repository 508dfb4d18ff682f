using System.CommandLine;

namespace SpectralLab.Web.Cli;

/// <summary>The command-line verbs. Any other first argument starts the web lab.</summary>
public static class Verbs
{
    static readonly string[] Names = ["models", "train", "bench", "sweep"];

    public static bool IsVerb(string[] args) => args.Length > 0 && Names.Contains(args[0]);

    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("SpectralLab: watch parametric spectral filters learn. Run with no verb to serve the lab.")
        {
            ModelsVerb.Create(console),
            TrainVerb.Create(console),
            BenchVerb.Create(console),
            SweepVerb.Create(console),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
            return console.Fail($"{parsed.Errors[0].Message} (see `{args[0]} --help`)");
        return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
