using System.Diagnostics;
using System.Text;

namespace SpectralLab.Tests.Support;

/// <summary>A verb of the lab's program (a `worker`, a `sweep`) as a process of its own, with its output kept; killed on dispose.</summary>
public sealed class VerbProcess : IAsyncDisposable
{
    readonly Process process;
    readonly StringBuilder output = new();

    VerbProcess(Process process) => this.process = process;

    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public bool HasExited => process.HasExited;

    public static VerbProcess Start(IDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet", [LabProcess.WebAssembly(), .. arguments])
        {
            WorkingDirectory = Path.GetDirectoryName(LabProcess.WebAssembly())!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        var verb = new VerbProcess(Process.Start(start)!);
        verb.process.OutputDataReceived += (_, e) => verb.Add(e.Data);
        verb.process.ErrorDataReceived += (_, e) => verb.Add(e.Data);
        verb.process.BeginOutputReadLine();
        verb.process.BeginErrorReadLine();
        return verb;
    }

    void Add(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    /// <summary>Waits for the verb to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"The verb did not end within {limit.TotalSeconds:0} s; its output:\n{Output}"); }
        return process.ExitCode;
    }

    /// <summary>SIGTERM, as a service manager stops a process: it may finish what it must first.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))!;
        kill.WaitForExit();
    }

    /// <summary>SIGKILL: the process gets no chance to tidy up, as when a machine dies.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
