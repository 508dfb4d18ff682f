using SpectralLab.Core.Data;
using SpectralLab.Core.Imaging;
using SpectralLab.Core.Models;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace SpectralLab.Core.Lab;

/// <summary>
/// <see cref="IActivationQueries"/> over the run store: the run's model is rebuilt on the <see cref="TorchWorker"/>, its
/// weights loaded from a kept checkpoint (a live run's too: the trainer owns its model, and its newest checkpoint is its
/// last epoch end), and one shown test image is passed through its encoder. Only PNG bytes and numbers come back.
/// </summary>
public sealed class ActivationQueries(IRunStore store, LabDataset dataset, TorchWorker worker) : IActivationQueries
{
    const int PerRow = 8;
    const int PictureSize = 56; // pixels per map side, whatever the stage's size: 28×28 drawn twice as large, 7×7 eight times

    public int Images => dataset.Data is { } data ? Math.Min(Snapshot.ShownImages, data.Test.Count) : 0;

    public async Task<Answer<ActivationMaps>> ActivationsAsync(long run, int image, int? epoch = null)
    {
        if (dataset.Data is not { } data) return Answer<ActivationMaps>.Refused(dataset.Problem ?? "There is no data to take a test image from.");
        if (image < 0 || image >= Images)
            return Answer<ActivationMaps>.Refused($"Image {image} is not one of the shown test images; choose 0 to {Images - 1}.");
        var stored = await Task.Run(() => store.Find(run));
        if (stored is null) return Answer<ActivationMaps>.Refused($"There is no run {run}.");
        if (ModelCatalog.Find(stored.Model) is not { } model) return Answer<ActivationMaps>.Refused($"Run {run}'s model {stored.Model} is not one this lab knows.");
        var kept = await Task.Run(() => KeptCheckpoints(run));
        if (kept.Count == 0)
            return Answer<ActivationMaps>.Refused($"Run {run} has no checkpoint yet: one is kept at the end of each epoch.");
        try
        {
            return await worker.RunAsync(() => Compute(stored, model, kept, data.Test, image, epoch));
        }
        catch (WorkerBusyException e) { return Answer<ActivationMaps>.Refused(e.Message); }
    }

    /// <summary>The run's checkpoint files whose header reads, with their epochs, newest first.</summary>
    IReadOnlyList<(CheckpointCandidate Checkpoint, int Epoch)> KeptCheckpoints(long run)
    {
        var kept = new List<(CheckpointCandidate, int)>();
        foreach (var candidate in store.CheckpointOf(run).Candidates)
        {
            try
            {
                using var file = candidate.Open();
                kept.Add((candidate, Checkpoint.ReadInfo(file, candidate.Name).Epoch));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException) { } // a damaged one is simply not offered
        }
        return kept;
    }

    // On the worker thread, inside its dispose scope.
    static Answer<ActivationMaps> Compute(StoredRun run, ModelDescriptor descriptor, IReadOnlyList<(CheckpointCandidate Checkpoint, int Epoch)> kept, ImageSet test, int image, int? epoch)
    {
        using var model = descriptor.Create();
        if (model is not IEncoderProbe probe) return Answer<ActivationMaps>.Refused($"The {descriptor.DisplayName} model cannot show its encoder's layers.");
        using var optimizer = optim.Adam(model.parameters()); // a checkpoint holds Adam's moments too; they are read and dropped
        var problems = new List<string>();
        var preferred = kept.OrderByDescending(k => k.Epoch == epoch).Select(k => k.Checkpoint);
        if (CheckpointCandidate.FirstWhole(preferred, model, optimizer, problems) is not { Epoch: var shown })
            return Answer<ActivationMaps>.Refused($"No checkpoint of run {run.Id} loads: {string.Join("; ", problems)}.");

        model.eval();
        var pixels = test.Pixels.AsSpan(image * test.PixelsPerImage, test.PixelsPerImage).ToArray();
        var input = tensor(pixels, [1, 1, test.Height, test.Width], uint8).to_type(float32).div_(255);
        var layers = probe.Activations(input)
            .Select(layer => new LayerActivations(layer.Layer, Stage("after the layer", layer.Activated), Stage("after pooling", layer.Pooled)))
            .ToList();
        var imagePng = Png.GreyGrid([pixels.Select(p => p / 255f).ToArray()], test.Height, test.Width, perRow: 1, scale: 4);
        string? note = epoch is { } asked && asked != shown
            ? $"Epoch {asked}'s checkpoint is not kept (a run keeps its newest two), so epoch {shown}'s is shown."
            : null;
        return Answer<ActivationMaps>.Of(new ActivationMaps(run.Id, run.Model, shown, kept.Select(k => k.Epoch).Distinct().OrderBy(e => e).ToList(),
            image, imagePng, layers, note));
    }

    /// <summary>Every channel of a [1, C, h, w] output as one heatmap grid on one colour scale.</summary>
    static ActivationStage Stage(string title, Tensor output)
    {
        int channels = (int)output.shape[1], height = (int)output.shape[2], width = (int)output.shape[3];
        var values = output.contiguous().data<float>().ToArray();
        var maps = Enumerable.Range(0, channels).Select(c => values.AsSpan(c * height * width, height * width).ToArray()).ToList();
        float min = values.Min(), max = values.Max();
        int scale = Math.Max(1, PictureSize / Math.Max(height, width));
        var png = Png.HeatmapGrid(maps, height, width, Math.Min(PerRow, channels), min, max, scale, gap: 1);
        return new ActivationStage(title, channels, height, width, Math.Min(PerRow, channels), min, max, png);
    }
}
