using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>A training verb's progress: one line on standard error that rewrites itself, at most twice a second, only on a terminal.</summary>
sealed class ProgressLine(CliConsole console, int epochs)
{
    long lastShown;
    int width;

    /// <param name="model">Names the model when a verb trains several.</param>
    public void Show(StepRecord step, string? model = null)
    {
        if (!console.ShowsProgress || Environment.TickCount64 - lastShown < 500) return;
        lastShown = Environment.TickCount64;
        string line = $"  {(model is null ? "" : model + ": ")}epoch {step.Epoch}/{epochs}  step {step.StepInEpoch}/{step.StepsPerEpoch}  loss {step.Loss:F4}  {step.Milliseconds:F0} ms/step";
        width = Math.Max(width, line.Length);
        console.Error.Write("\r" + line.PadRight(width));
    }

    /// <summary>Blanks the line, so what comes next starts on a clean one.</summary>
    public void Clear()
    {
        if (width == 0) return;
        console.Error.Write("\r" + new string(' ', width) + "\r");
        width = 0;
    }
}
