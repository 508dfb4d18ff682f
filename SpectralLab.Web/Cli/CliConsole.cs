using System.Text.Json;

namespace SpectralLab.Web.Cli;

/// <summary>Where a verb writes: results to Out, one-line errors and progress to Error. Swappable in tests.</summary>
public sealed record CliConsole(TextWriter Out, TextWriter Error, bool ShowsProgress)
{
    public static CliConsole Standard => new(Console.Out, Console.Error, !Console.IsErrorRedirected);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // output for terminals, not HTML
    };

    public void WriteJson<T>(T value) => Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>Writes one line saying what is wrong and returns the exit code for bad input.</summary>
    public int Fail(string message, int exitCode = ExitCodes.BadInput)
    {
        Error.WriteLine($"error: {message}");
        return exitCode;
    }
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;   // the work itself failed: bad data, divergence
    public const int BadInput = 2;  // the command line is wrong
}
