using SpectralLab.Core.Training;

namespace SpectralLab.Core.Lab;

/// <summary>The answer to a command: accepted, or refused with one sentence saying why.</summary>
public sealed record CommandResult(bool Accepted, string Message)
{
    /// <summary>The sweep an accepted start of a sweep began, so that its page can follow that one.</summary>
    public long? Sweep { get; init; }

    public static CommandResult Refused(string why) => new(false, why);
}

/// <summary>What screens use to start and stop the lab's run.</summary>
public interface ITrainingControl
{
    Task<CommandResult> StartRunAsync(TrainingOptions options);

    /// <summary>Trains the given runs one after another as one sweep; Stop ends the sweep.</summary>
    Task<CommandResult> StartSweepAsync(IReadOnlyList<TrainingOptions> runs);

    Task<CommandResult> StopRunAsync();

    /// <summary>Goes on with a stored Stopped or Interrupted run from its last checkpoint.</summary>
    Task<CommandResult> ResumeRunAsync(long run);

    /// <summary>Deletes a stored run that is not training: its records and its checkpoint.</summary>
    Task<CommandResult> DeleteRunAsync(long run);
}
