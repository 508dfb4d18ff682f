using System.Diagnostics;

namespace SpectralLab.Tests.Support;

/// <summary>
/// Waits for something the lab does in its own time. When the time runs out it throws, saying what was awaited and
/// what the lab's state was then; it never falls through to the assertions that follow.
/// </summary>
public static class Eventually
{
    static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Polls <paramref name="condition"/> every <paramref name="poll"/> (20 ms unless given) until it holds, or throws a
    /// <see cref="TimeoutException"/> naming <paramref name="what"/> and <paramref name="describeState"/>'s answer once
    /// <paramref name="timeout"/> has passed. The condition is always asked once more at or after the deadline.
    /// </summary>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describeState, string what, TimeSpan? poll = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout, describeState, what, poll);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, TimeSpan, Func{string}, string, TimeSpan?)"/>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describeState, string what, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed >= timeout)
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0.#} s for {what}, in vain. The lab: {describeState()}");
            await Task.Delay(poll ?? DefaultPoll);
        }
    }
}
