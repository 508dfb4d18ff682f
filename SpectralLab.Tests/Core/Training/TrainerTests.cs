using SpectralLab.Core.Models;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Tests.Core.Training;

[Collection(TorchCollection.Name)]
public sealed class TrainerTests
{
    sealed class Recorder(Action<StepRecord>? onStep = null) : ITrainingObserver
    {
        public List<StepRecord> Steps { get; } = [];
        public List<EpochRecord> Epochs { get; } = [];

        /// <summary>The initial validation loss, and how many steps had been reported when it came.</summary>
        public (double Loss, int StepsBefore)? Initial { get; private set; }

        public void OnStep(StepRecord step)
        {
            Steps.Add(step);
            onStep?.Invoke(step);
        }

        public void OnEpoch(EpochRecord epoch) => Epochs.Add(epoch);

        public void OnInitialValidation(double loss) => Initial = (loss, Steps.Count);
    }

    [Theory]
    [InlineData("spatial")]
    [InlineData("spectral-gaussian")]
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
        double untrained = Trainer.Evaluate(model, test)!.Value;
        var recorder = new Recorder();

        var result = new Trainer(model, data, options).Run(recorder, CancellationToken.None);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        Assert.Equal(24, result.Steps);
        Assert.Equal([1, 2], recorder.Epochs.Select(e => e.Epoch));
        Assert.True(recorder.Epochs[^1].ValidationLoss < untrained - 0.05,
            $"validation loss {recorder.Epochs[^1].ValidationLoss:F4} vs {untrained:F4} untrained");
        Assert.Equal(recorder.Steps.Where(s => s.Epoch == 1).Average(s => s.Loss), recorder.Epochs[0].TrainLoss, 9);
        Assert.True(recorder.Steps[^1].Loss < recorder.Steps[0].Loss, $"training loss {recorder.Steps[0].Loss:F4} → {recorder.Steps[^1].Loss:F4}");
    }

    [Fact]
    public void Run_CancelledDuringAStep_StopsBeforeTheNextOne()
    {
        using var model = ModelCatalog.Find("spatial")!.Create();
        using var cancellation = new CancellationTokenSource();
        var recorder = new Recorder(step => { if (step.Step == 3) cancellation.Cancel(); });
        var options = new TrainingOptions { Model = "spatial", Epochs = 5, BatchSize = 16 };

        var result = new Trainer(model, TestData.SmallMnist(160, 10), options).Run(recorder, cancellation.Token);

        Assert.Equal(TrainingOutcome.Stopped, result.Outcome);
        Assert.Equal(3, result.Steps);
        Assert.Equal(3, recorder.Steps.Count);
        Assert.Empty(recorder.Epochs);
    }

    [Fact]
    public void Run_CancelledAtTheLastStepOfAnEpoch_StopsInValidationWithoutRecordingTheEpoch()
    {
        using var model = ModelCatalog.Find("spatial")!.Create();
        using var cancellation = new CancellationTokenSource();
        var recorder = new Recorder(step => { if (step.StepInEpoch == step.StepsPerEpoch) cancellation.Cancel(); });
        var options = new TrainingOptions { Model = "spatial", Epochs = 5, BatchSize = 16 };

        var result = new Trainer(model, TestData.SmallMnist(64, 500), options).Run(recorder, cancellation.Token);

        Assert.Equal(TrainingOutcome.Stopped, result.Outcome);
        Assert.Contains("validation", result.Reason);
        Assert.Equal((4, 0), (result.Steps, result.Epochs));
        Assert.Empty(recorder.Epochs); // an epoch whose validation was cut short is not reported
    }

    [Fact]
    public void Evaluate_AlreadyCancelled_AnswersNullAndLeavesTheModelTraining()
    {
        using var model = ModelCatalog.Find("spatial")!.Create();
        using var test = new ImageTensors(TestData.SmallMnist(16, 300).Test, 300);

        var loss = Trainer.Evaluate(model, test, new CancellationToken(canceled: true));

        Assert.Null(loss);
        Assert.True(model.training);
    }

    /// <summary>Reconstructs with a spatial autoencoder until its <c>n</c>-th call, then answers NaN.</summary>
    sealed class FailingAutoencoder(int failOnCall) : Autoencoder(nameof(FailingAutoencoder))
    {
        readonly SpatialAutoencoder inner = new();
        int calls;

        public override Tensor Logits(Tensor input) =>
            ++calls >= failOnCall ? inner.Logits(input) * double.NaN : inner.Logits(input);
    }

    [Fact]
    public void Run_LossBecomesNaN_EndsAsDivergedAtThatStep()
    {
        using var model = new FailingAutoencoder(failOnCall: 5); // the first call is the validation before step 1
        var recorder = new Recorder();
        var options = new TrainingOptions { Model = "spatial", Epochs = 3, BatchSize = 16 };

        var result = new Trainer(model, TestData.SmallMnist(160, 10), options).Run(recorder, CancellationToken.None);

        Assert.Equal(TrainingOutcome.Diverged, result.Outcome);
        Assert.Equal(4, result.Steps);
        Assert.Contains("step 4", result.Reason);
        Assert.Equal(3, recorder.Steps.Count); // the NaN step is not reported as a loss
    }

    /// <summary>Counts, at each checkpoint written, the epochs the observer had been told of by then.</summary>
    sealed class CheckpointWitness(Recorder recorder) : ICheckpointStorage
    {
        public List<(int Epoch, int EpochsRecorded, long Bytes)> Writes { get; } = [];

        public void Write(CheckpointInfo info, double validationLoss, Action<Stream> write)
        {
            using var bytes = new MemoryStream();
            write(bytes);
            Writes.Add((info.Epoch, recorder.Epochs.Count, bytes.Length));
        }
    }

    [Fact]
    public void Run_EachEpoch_IsRecordedBeforeItsCheckpointIsWritten()
    {
        manual_seed(1);
        using var model = ModelCatalog.Find("spatial")!.Create();
        var recorder = new Recorder();
        var witness = new CheckpointWitness(recorder);

        new Trainer(model, TestData.SmallMnist(64, 8), new TrainingOptions { Model = "spatial", Epochs = 3, BatchSize = 32 }, witness)
            .Run(recorder, CancellationToken.None);

        Assert.Equal([(1, 1), (2, 2), (3, 3)], witness.Writes.Select(w => (w.Epoch, w.EpochsRecorded)));
        Assert.All(witness.Writes, w => Assert.True(w.Bytes > 28_353 * 4, $"a checkpoint of {w.Bytes} bytes holds less than the parameters"));
    }

    [Fact]
    public void Run_HundredsOfSteps_LeavesNoTensorsBehind()
    {
        manual_seed(1);
        using var model = ModelCatalog.Find("spectral-gaussian")!.Create();
        var liveCounts = new Dictionary<int, long>();
        var recorder = new Recorder(step => liveCounts[step.Step] = DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        var options = new TrainingOptions { Model = "spectral-gaussian", Epochs = 10, BatchSize = 4 };

        new Trainer(model, TestData.SmallMnist(120, 8), options).Run(recorder, CancellationToken.None);

        Assert.Equal(300, liveCounts.Count);
        Assert.Equal(liveCounts[20], liveCounts[300]);
    }

    [Fact]
    public void Run_SameSeedTwice_GivesTheSameLosses()
    {
        double[] Losses()
        {
            manual_seed(9);
            using var model = ModelCatalog.Find("spectral-gaussian")!.Create();
            var recorder = new Recorder();
            new Trainer(model, TestData.SmallMnist(64, 8), new TrainingOptions { Epochs = 2, BatchSize = 16, Seed = 9 })
                .Run(recorder, CancellationToken.None);
            return recorder.Steps.Select(s => s.Loss).ToArray();
        }

        Assert.Equal(Losses(), Losses());
    }

    /// <summary>
    /// Mean binary cross-entropy per pixel of the model's reconstructions, in doubles from the logits, by the closed form
    /// max(z, 0) − z·y + log(1 + e^−|z|): the reference the trainer's torch reduction is checked against.
    /// </summary>
    static double DirectMeanBce(SpectralLab.Core.Models.Autoencoder model, SpectralLab.Core.Data.ImageSet images)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        model.eval();
        var pixels = images.Pixels.Take(images.Count * images.PixelsPerImage).Select(p => p / 255f).ToArray();
        var logits = model.Logits(tensor(pixels, [images.Count, 1, images.Height, images.Width])).to_type(float64).data<double>().ToArray();
        model.train();
        double sum = 0;
        for (int i = 0; i < logits.Length; i++)
        {
            double z = logits[i], y = pixels[i];
            sum += Math.Max(z, 0) - z * y + Math.Log(1 + Math.Exp(-Math.Abs(z)));
        }
        return sum / logits.Length;
    }

    [Fact]
    public void Run_NewRun_ReportsTheUntrainedModelsValidationLossBeforeTheFirstStep()
    {
        manual_seed(3);
        using var model = ModelCatalog.Find("spatial")!.Create();
        var data = TestData.SmallMnist(train: 64, test: 300); // more than one evaluation batch of 250
        double expected = DirectMeanBce(model, data.Test);
        var recorder = new Recorder();

        new Trainer(model, data, new TrainingOptions { Model = "spatial", Epochs = 1, BatchSize = 32 }).Run(recorder, CancellationToken.None);

        var (loss, stepsBefore) = recorder.Initial!.Value;
        Assert.Equal(0, stepsBefore);
        Assert.Equal(expected, loss, 1e-5);
    }

    [Fact]
    public void Run_CancelledBeforeTheFirstStep_StopsDuringTheInitialValidation()
    {
        using var model = ModelCatalog.Find("spatial")!.Create();
        var recorder = new Recorder();

        var result = new Trainer(model, TestData.SmallMnist(64, 300), new TrainingOptions { Model = "spatial", Epochs = 1, BatchSize = 32 })
            .Run(recorder, new CancellationToken(canceled: true));

        Assert.Equal((TrainingOutcome.Stopped, 0), (result.Outcome, result.Steps));
        Assert.Null(recorder.Initial);
        Assert.Empty(recorder.Steps);
    }

    [Theory]
    [InlineData(100, true)]   // Adam's steps of ~100 throw the weights far away: the loss stays finite but ends above the start
    [InlineData(0.001, false)]
    public void Run_LearningRate_EndsAboveTheInitialValidationLossOnlyWhenFarTooHigh(double learningRate, bool above)
    {
        manual_seed(1);
        using var model = ModelCatalog.Find("spatial")!.Create();
        var recorder = new Recorder();

        var result = new Trainer(model, TestData.SmallMnist(train: 256, test: 100), new TrainingOptions { Model = "spatial", Epochs = 2, BatchSize = 32, LearningRate = learningRate })
            .Run(recorder, CancellationToken.None);

        Assert.Equal(TrainingOutcome.Completed, result.Outcome);
        double initial = recorder.Initial!.Value.Loss, final = recorder.Epochs[^1].ValidationLoss;
        Assert.True(LossRise.Above(initial, final) == above, $"validation loss {initial:F4} at start, {final:F4} at the end");
    }
}
