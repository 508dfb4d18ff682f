using SpectralLab.Core.Data;
using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Runs;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab;

/// <summary>
/// <see cref="IFlexibilityAnalysis"/>: a <see cref="FlexibilityJob"/> on a thread of its own (fitting needs gradients, so
/// not the <see cref="TorchWorker"/>, which draws without them), one at a time. What it holds is the one report in hand,
/// bounded by <see cref="MaxCells"/>; the cell pictures are drawn on the worker from the report's plain numbers.
/// </summary>
public sealed class FlexibilityService(string stateDirectory, LabDataset dataset, TorchWorker worker, Func<IRunStore>? runs = null) : IFlexibilityAnalysis, IDisposable
{
    /// <summary>Targets × families of one analysis: the classic set and a run's first layer against every family is under a thousand.</summary>
    public const int MaxCells = 1024;

    readonly FlexibilityJob job = new(stateDirectory, runs);
    readonly Lock gate = new();
    readonly List<Action<FlexibilityUpdate>> listeners = [];
    TrainingThread? thread;

    public FlexibilityProgress Progress { get; private set; } = FlexibilityProgress.Idle;

    public FlexibilityReport? Report { get; private set; }

    public string? Start(FlexibilityPlan plan)
    {
        if (plan.Problem is { } problem) return problem;
        if (dataset.Data is not { } data) return dataset.Problem ?? "There is no data to take the test digit from.";
        var digit = TestDigit.From(data);
        lock (gate)
        {
            if (Progress.Running) return "An analysis is already running; stop it or wait for it to finish.";
            thread?.Release();
            Report = null;
            Progress = new FlexibilityProgress(plan.Key, FlexibilityPhase.Gathering, 0, 0, null, null);
            thread = new TrainingThread(token => Work(plan, digit, token), pin: false, pinned: _ => { });
        }
        Publish(null);
        return null;
    }

    public void Stop()
    {
        lock (gate) thread?.RequestStop();
    }

    public IDisposable Subscribe(Action<FlexibilityUpdate> listener)
    {
        lock (gate) listeners.Add(listener);
        return new Subscription(() => { lock (gate) listeners.Remove(listener); });
    }

    public IReadOnlyList<string> StoredKeys() => job.Files.Keys();

    public Task<FlexibilityReport?> StoredAsync(string key) => Task.Run(() => job.Files.Load(key));

    public async Task<Answer<FlexibilityCellDetail>> DetailAsync(FlexibilityReport report, int target, string family)
    {
        if (target < 0 || target >= report.Targets.Count) return Answer<FlexibilityCellDetail>.Refused($"The analysis has targets 0 to {report.Targets.Count - 1}; {target} is not one of them.");
        if (report.Cell(target, family) is not { } cell) return Answer<FlexibilityCellDetail>.Refused($"{report.Targets[target].Name} has not been fitted by {family} yet.");
        try { return Answer<FlexibilityCellDetail>.Of(await worker.RunAsync(() => FlexibilityPictures.Draw(report, cell))); }
        catch (WorkerBusyException e) { return Answer<FlexibilityCellDetail>.Refused(e.Message); }
    }

    // On the analysis's thread: every tensor made here (a run's checkpoint, the fits) lives and dies inside this scope.
    void Work(FlexibilityPlan plan, float[] digit, CancellationToken cancellation)
    {
        using var scope = NewDisposeScope();
        IReadOnlyList<FlexibilityTarget> targets = [];
        try
        {
            targets = job.Targets(plan);
            int total = targets.Count * plan.Families.Count;
            if (total > MaxCells)
                throw new InvalidDataException($"{targets.Count} targets × {plan.Families.Count} families is {total} cells, more than the {MaxCells} one analysis may fit; choose fewer families.");
            Report = new FlexibilityReport(plan.Key, targets, [.. plan.Families.Select(f => f.Key)], [], digit, plan.Settings, 0, false);
            Progress = Progress with { Phase = FlexibilityPhase.Fitting, Total = total, Current = CellName(plan, targets, 0) };
            Publish(null);
            job.Run(plan, targets, digit, partial =>
            {
                Report = partial;
                Progress = Progress with { Done = partial.Cells.Count, Current = CellName(plan, targets, partial.Cells.Count) };
                Publish(partial.Cells[^1]);
            }, cancellation);
            End(FlexibilityPhase.Finished, null);
        }
        catch (OperationCanceledException) { End(FlexibilityPhase.Stopped, null); }
        catch (Exception e) when (e is InvalidDataException or RunStoreException or IOException or UnauthorizedAccessException)
        {
            End(FlexibilityPhase.Failed, e.Message);
        }
        catch (Exception e) // a thread's exception would end the lab: say what happened instead
        {
            End(FlexibilityPhase.Failed, $"The analysis stopped on an unexpected error: {e.Message}");
        }
    }

    void End(FlexibilityPhase phase, string? problem)
    {
        Progress = Progress with { Phase = phase, Current = null, Problem = problem };
        Publish(null);
    }

    static string? CellName(FlexibilityPlan plan, IReadOnlyList<FlexibilityTarget> targets, int index) =>
        index < targets.Count * plan.Families.Count ? $"{targets[index / plan.Families.Count].Name} × {plan.Families[index % plan.Families.Count].DisplayName}" : null;

    void Publish(FlexibilityCell? finished)
    {
        var update = new FlexibilityUpdate(Progress, Report, finished);
        Action<FlexibilityUpdate>[] now;
        lock (gate) now = [.. listeners];
        foreach (var listener in now)
        {
            try { listener(update); }
            catch (Exception) { } // one listener's failure (a closed tab) must not stop the analysis or the others
        }
    }

    public void Dispose()
    {
        TrainingThread? running;
        lock (gate) running = thread;
        running?.RequestStop();
        if (running?.Join(TimeSpan.FromSeconds(5)) == true) running.Release();
    }

    sealed class Subscription(Action release) : IDisposable
    {
        int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) release();
        }
    }
}
