using System.CommandLine;

namespace SpectralLab.Web.Cli;

/// <summary>What `help` prints: each verb with its one-line description, and that no verb serves the lab.</summary>
static class VerbList
{
    public static int Write(TextWriter output, RootCommand root)
    {
        output.WriteLine(root.Description);
        output.WriteLine();
        output.WriteLine($"Usage: {root.Name} [VERB] [options]");
        output.WriteLine();
        output.WriteLine("Verbs:");
        int width = root.Subcommands.Max(verb => verb.Name.Length);
        foreach (var verb in root.Subcommands)
            output.WriteLine($"  {verb.Name.PadRight(width)}  {verb.Description}");
        output.WriteLine();
        output.WriteLine("With no verb it serves the lab; options such as --urls http://127.0.0.1:5117 then go to the web host.");
        output.WriteLine($"`{root.Name} VERB --help` lists a verb's options.");
        return ExitCodes.Success;
    }
}
