namespace SpectralLab.Core.Training;

/// <summary>Where a run's checkpoints go. A write lands whole or not at all.</summary>
public interface ICheckpointStorage
{
    /// <param name="info">Where training stands: the epoch just ended and its last step.</param>
    /// <param name="validationLoss">That epoch's validation loss, so the storage can keep the best epoch's checkpoint apart.</param>
    void Write(CheckpointInfo info, double validationLoss, Action<Stream> write);
}
