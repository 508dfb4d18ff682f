using System.CommandLine;

namespace SpectralLab.Web.Cli;

/// <summary>The command-line verbs. Serving the lab is the default: no arguments, or only the web host's own options.</summary>
public static class Verbs
{
    static readonly string[] HelpWords = ["help", "--help", "-h", "-?"];

    /// <summary>True when the arguments are for the web host (none, or options such as --urls), not for a verb or help.</summary>
    public static bool ServesLab(string[] args) => args.Length == 0 || (args[0].StartsWith("--") && !args.Any(HelpWords.Contains));

    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("SpectralLab: watch parametric spectral filters learn.")
        {
            ModelsVerb.Create(console),
            TrainVerb.Create(console),
            BenchVerb.Create(console),
            SweepVerb.Create(console),
            ReproduceVerb.Create(console),
            FlexibilityVerb.Create(console),
            ExportVerb.Create(console),
            WorkerVerb.Create(console),
        };
        if (args.Length == 0 || HelpWords.Contains(args[0]))
            return args is ["help", var verb, ..] ? Run([verb, "--help"], console) : VerbList.Write(console.Out, root);
        if (root.Subcommands.All(verb => verb.Name != args[0]))
            return console.Fail($"unknown verb '{args[0]}'; the verbs are {string.Join(", ", root.Subcommands.Select(verb => verb.Name))} (run with no verb to serve the lab).");
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
            return console.Fail($"{parsed.Errors[0].Message} (see `{args[0]} --help`)");
        return parsed.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error });
    }
}
