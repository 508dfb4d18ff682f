using System.Diagnostics;
using System.Globalization;

namespace SpectralLab.Core.Runs;

/// <summary>
/// The process training a run, as "host/pid/start": the lab and the training verbs share one store, so a lab starting up
/// must tell a run whose process died (Interrupted) from one another process is still training. The start time tells a
/// reused process id from the original one.
/// </summary>
public static class RunOwner
{
    static readonly string Host = Environment.MachineName;

    /// <summary>This process.</summary>
    public static string Current { get; } = Of(Host, Environment.ProcessId, StartSeconds(Process.GetCurrentProcess()));

    public static string Of(string host, int pid, long startSeconds) => string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}/{startSeconds}");

    /// <summary>
    /// Whether the owner is known to be gone: no owner (runs stored before owners were), or a process of this host that
    /// no longer runs. A process on another host sharing the folder cannot be seen from here, so its runs are left as they are.
    /// </summary>
    public static bool IsGone(string? owner)
    {
        if (owner?.Split('/') is not [var host, var pidText, var startText]
            || !int.TryParse(pidText, CultureInfo.InvariantCulture, out int pid) || !long.TryParse(startText, CultureInfo.InvariantCulture, out long start))
            return true;
        if (host != Host) return false;
        try
        {
            using var process = Process.GetProcessById(pid);
            return Math.Abs(StartSeconds(process) - start) > 2; // the start time is derived from the boot time, which wobbles by a little
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException) { return true; } // no such process
    }

    static long StartSeconds(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds();
}
