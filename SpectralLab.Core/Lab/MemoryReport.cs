using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SpectralLab.Core.Lab;

/// <summary>
/// When SpectralLab:MemoryReportSeconds is set, logs the managed heap after a full collection and the resident memory
/// at that interval, so a long run shows whether the lab holds steady. Off by default: a full collection is not free.
/// </summary>
public sealed class MemoryReport(LiveHub hub, IOptions<LabOptions> options, ILogger<MemoryReport> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        double seconds = options.Value.MemoryReportSeconds;
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                long heap = GC.GetTotalMemory(forceFullCollection: false);
                using var process = Process.GetCurrentProcess();
                logger.LogInformation("Memory at {Minutes:F1} min: managed heap {Heap:F1} MB after a full collection, resident {Rss:F0} MB, {Tabs} subscriber(s)",
                    clock.Elapsed.TotalMinutes, heap / 1048576.0, process.WorkingSet64 / 1048576.0, hub.SubscriberCount);
            }
        }
        catch (OperationCanceledException) { }
    }
}
