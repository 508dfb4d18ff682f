namespace SpectralLab.Core.Training;

/// <summary>One optimisation step. <see cref="Step"/> counts from 1 over the whole run.</summary>
public sealed record StepRecord(int Epoch, int Step, int StepInEpoch, int StepsPerEpoch, double Loss, double Milliseconds);

/// <summary>One finished epoch: mean training loss over its steps, validation loss after it, and its wall time.</summary>
public sealed record EpochRecord(int Epoch, double TrainLoss, double ValidationLoss, double Seconds);

/// <summary>How a run ended.</summary>
public enum TrainingOutcome { Completed, Stopped, Diverged }

/// <summary>The end of a run: how, why in one sentence, and after how many steps.</summary>
public sealed record TrainingResult(TrainingOutcome Outcome, string Reason, int Steps, int Epochs);

/// <summary>Receives a run's records on the training thread, as they happen.</summary>
public interface ITrainingObserver
{
    void OnStep(StepRecord step);

    void OnEpoch(EpochRecord epoch);

    /// <summary>The validation loss of the model as initialised, measured before the first step of a new (not a resumed) run.</summary>
    void OnInitialValidation(double loss) { }
}
