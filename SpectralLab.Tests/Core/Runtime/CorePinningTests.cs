using SpectralLab.Core.Runtime;

namespace SpectralLab.Tests.Core.Runtime;

public sealed class CorePinningTests
{
    [Fact]
    public void PinCurrentThread_WithTwoOrMoreCoresAllowed_LeavesThatThreadOneCoreAndOtherThreadsAsTheyWere()
    {
        string before = AllowedCpus();
        (int? core, string pinned) = (null, "");
        var thread = new Thread(() =>
        {
            core = CorePinning.PinCurrentThread();
            pinned = AllowedCpus();
        });
        thread.Start();
        thread.Join();

        if (!OperatingSystem.IsLinux() || CountCpus(before) < 2)
        {
            Assert.Null(core);
            return;
        }
        Assert.NotNull(core);
        Assert.Equal(core.Value.ToString(), pinned);
        Assert.Equal(before, AllowedCpus());
    }

    /// <summary>The calling thread's allowed CPUs as the kernel lists them, e.g. "0-1" or "0,2-3".</summary>
    static string AllowedCpus() => OperatingSystem.IsLinux()
        ? File.ReadLines("/proc/thread-self/status").First(line => line.StartsWith("Cpus_allowed_list:")).Split(':')[1].Trim()
        : "";

    static int CountCpus(string list) => list.Length == 0 ? 0 : list.Split(',').Sum(range =>
        range.Split('-') is [var first, var last] ? int.Parse(last) - int.Parse(first) + 1 : 1);
}
