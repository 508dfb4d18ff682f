using SpectralLab.Core.Models;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Models;

[Collection(TorchCollection.Name)]
public sealed class NewModelsTrainingTests
{
    sealed class Recorder : ITrainingObserver
    {
        public List<StepRecord> Steps { get; } = [];
        public List<EpochRecord> Epochs { get; } = [];

        public void OnStep(StepRecord step) => Steps.Add(step);

        public void OnEpoch(EpochRecord epoch) => Epochs.Add(epoch);
    }

    [Theory]
    [InlineData("spectral-polynomial")]
    [InlineData("spectral-free")]
    [InlineData("spectral-gaussian-mixture")]
    [InlineData("spectral-end-to-end")]
    [InlineData("spectral-gaussian-centred")]
    [InlineData("spectral-gaussian-mixing")]
    public void Run_FewHundredRealMnistImages_LowersTheValidationLoss(string name)
    {
        manual_seed(1);
        using var model = ModelCatalog.Find(name)!.Create();
        var data = TestData.SmallMnist(train: 384, test: 200);
        var options = new TrainingOptions { Model = name, Epochs = 2, BatchSize = 32 };
        using var test = new ImageTensors(data.Test, data.Test.Count);
        double untrained = Trainer.Evaluate(model, test);
        var recorder = new Recorder();

        var result = new Trainer(model, data, options).Run(recorder, CancellationToken.None);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.True(recorder.Epochs[^1].ValidationLoss < untrained - 0.05,
            $"validation loss {recorder.Epochs[^1].ValidationLoss:F4} vs {untrained:F4} untrained");
        Assert.True(recorder.Steps[^1].Loss < recorder.Steps[0].Loss, $"training loss {recorder.Steps[0].Loss:F4} → {recorder.Steps[^1].Loss:F4}");
    }
}
