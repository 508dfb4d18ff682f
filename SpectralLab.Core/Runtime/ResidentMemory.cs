namespace SpectralLab.Core.Runtime;

/// <summary>The process's resident memory and its high-water mark, from Linux's /proc; elsewhere the managed view.</summary>
public static class ResidentMemory
{
    public static long Bytes => Environment.WorkingSet;

    /// <summary>The highest resident memory since start or since <see cref="ResetPeak"/> (VmHWM); null where /proc has none.</summary>
    public static long? PeakBytes
    {
        get
        {
            if (!File.Exists("/proc/self/status")) return null;
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            return null;
        }
    }

    /// <summary>Starts the high-water mark again from the present resident memory (Linux 4.0 and later).</summary>
    public static void ResetPeak()
    {
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
