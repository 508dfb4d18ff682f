using System.Diagnostics;

namespace SpectralLab.Tests.Fuzz;

/// <summary>What every fuzz case must do: succeed, or refuse with one of the project's own exceptions and a message.</summary>
public static class FuzzAssert
{
    static readonly TimeSpan SlowCase = TimeSpan.FromSeconds(2); // a case this slow is a loop or an allocation driven by a damaged length

    /// <returns>How many cases ran.</returns>
    public static int EachSucceedsOrRefuses(IEnumerable<FuzzCase> cases, Action<byte[]> use, params Type[] refusals)
    {
        var failures = new List<string>();
        int count = 0;
        foreach (var (name, bytes) in cases)
        {
            count++;
            var clock = Stopwatch.StartNew();
            try
            {
                use(bytes);
            }
            catch (Exception e) when (refusals.Contains(e.GetType()) && !string.IsNullOrWhiteSpace(e.Message))
            {
            }
            catch (Exception e)
            {
                failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
            }
            if (clock.Elapsed > SlowCase) failures.Add($"{name}: took {clock.Elapsed.TotalSeconds:F1} s");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} cases neither succeeded nor refused cleanly:\n{string.Join('\n', failures.Take(20))}");
        return count;
    }
}
