using System.Globalization;

namespace SpectralLab.Core.Training;

/// <summary>
/// How much memory training may use, and what a batch would need: the lab's own resident memory plus each image's
/// activations, gradients and their copies during one training step, as measured per model with `bench --memory`
/// (docs/performance.md). A batch whose estimate exceeds the budget is refused before it can take the machine down.
/// </summary>
/// <param name="Bytes">The budget.</param>
/// <param name="Source">Where it comes from, for messages: a setting, or a share of the machine's memory.</param>
public sealed record MemoryBudget(long Bytes, string Source)
{
    public const string Setting = "SpectralLab:MemoryBudgetMegabytes";
    const double MachineShare = 0.6; // the rest is the system's, the browser's and the page cache's
    const long LabBytes = 600L << 20; // a lab serving tabs, before any batch

    /// <summary>Per-image training memory of each model, in KB: the larger of two `bench --memory` runs on 2026-11-25.</summary>
    static readonly Dictionary<string, int> KilobytesPerImage = new()
    {
        ["spatial"] = 1_100, ["spectral-gaussian"] = 1_430, ["spectral-gaussian-prefix-bug"] = 1_760, ["spectral-polynomial"] = 1_480,
        ["spectral-free"] = 1_460, ["spectral-gaussian-mixture"] = 1_510, ["spectral-gaussian-centred"] = 1_380,
        ["spectral-gaussian-mixing"] = 1_620, ["spectral-end-to-end"] = 2_660,
    };

    /// <summary>The configured budget, or a share of the memory this process may use: the machine's, or its cgroup's limit if lower.</summary>
    public static MemoryBudget For(double? configuredMegabytes)
    {
        if (configuredMegabytes is > 0 and var megabytes) return new((long)(megabytes * 1048576), Setting);
        var (available, what) = MachineMemory();
        return new((long)(available * MachineShare), $"{MachineShare:P0} of {what} of {Gigabytes(available)}");
    }

    public static long BytesPerImage(string model) =>
        1024L * (KilobytesPerImage.TryGetValue(Models.ModelCatalog.CurrentName(model), out int kb) ? kb : KilobytesPerImage.Values.Max());

    public long Estimate(string model, int batch) => LabBytes + BytesPerImage(model) * batch;

    /// <summary>The largest batch of <paramref name="model"/> within the budget (at least 0).</summary>
    public int LargestBatch(string model) => (int)Math.Clamp((Bytes - LabBytes) / BytesPerImage(model), 0, int.MaxValue);

    /// <summary>Why a batch is refused, or null when it fits.</summary>
    public string? Refusal(string model, int batch) => Estimate(model, batch) <= Bytes ? null :
        $"A batch of {batch:N0} images needs about {Gigabytes(Estimate(model, batch))} to train {model}, more than the lab's memory budget of " +
        $"{Gigabytes(Bytes)} ({Source}): use a batch of at most {LargestBatch(model):N0}, or set {Setting}.";

    /// <summary>Why a running lab must stop its run, or null while its resident memory is within the budget.</summary>
    public string? Exceeded(long residentBytes) => residentBytes <= Bytes ? null :
        $"The lab's memory reached {Gigabytes(residentBytes)}, over its budget of {Gigabytes(Bytes)} ({Source}); the run was ended to keep the lab up. Use a smaller batch.";

    static string Gigabytes(long bytes) => (bytes / 1073741824.0).ToString("0.0", CultureInfo.InvariantCulture) + " GB";

    static (long Bytes, string What) MachineMemory()
    {
        long machine = MemTotal() ?? 8L << 30;
        return CgroupLimit() is { } limit && limit < machine ? (limit, "this process's memory limit") : (machine, "this machine's memory");
    }

    static long? MemTotal()
    {
        if (!File.Exists("/proc/meminfo")) return null;
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    static long? CgroupLimit()
    {
        foreach (var file in new[] { "/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes" })
            if (File.Exists(file) && long.TryParse(File.ReadAllText(file).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long limit))
                return limit;
        return null; // "max": no limit
    }
}
