using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Support;

/// <summary>Stands in for the training service in component tests: records what was asked and gives a set answer.</summary>
public sealed class FakeTrainingControl : ITrainingControl
{
    public List<TrainingOptions> Started { get; } = [];
    public List<long> Resumed { get; } = [];
    public CommandResult Answer { get; set; } = new(true, "Done.");

    public Task<CommandResult> StartRunAsync(TrainingOptions options)
    {
        Started.Add(options);
        return Task.FromResult(Answer);
    }

    public Task<CommandResult> StartSweepAsync(IReadOnlyList<TrainingOptions> runs)
    {
        Started.AddRange(runs);
        return Task.FromResult(Answer);
    }

    public Task<CommandResult> StopRunAsync() => Task.FromResult(Answer);

    public Task<CommandResult> DeleteRunAsync(long run) => Task.FromResult(Answer);

    public Task<CommandResult> ResumeRunAsync(long run)
    {
        Resumed.Add(run);
        return Task.FromResult(Answer);
    }
}
