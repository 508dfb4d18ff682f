using SpectralLab.Core.Models;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace SpectralLab.Core.Training;

/// <summary>The files a run's weights can be taken away as.</summary>
public enum ExportFormat
{
    /// <summary>A PyTorch state dict, as torch.save writes one (torch.load reads it).</summary>
    Pt,

    /// <summary>The safetensors format (safetensors.torch.load_file reads it).</summary>
    Safetensors,
}

/// <summary>
/// A checkpoint's model weights as PyTorch reads them, named and shaped as TorchSharp registers them (docs/pytorch-export.md
/// lists them per model). The checkpoint is loaded by <see cref="Checkpoint.Load"/>, so a damaged file is refused as a
/// resume would refuse it.
/// </summary>
public static class WeightsExport
{
    public static string Extension(ExportFormat format) => format == ExportFormat.Pt ? ".pt" : ".safetensors";

    /// <summary>
    /// Loads the checkpoint <paramref name="open"/> reads (named <paramref name="name"/> in messages) into a fresh <paramref name="model"/> and writes its weights to
    /// <paramref name="output"/>. Call on a thread that owns its tensors: everything is created and freed here, inside one
    /// dispose scope. Throws InvalidDataException with the reason when the checkpoint does not load.
    /// </summary>
    public static void Write(string model, string name, Func<Stream> open, ExportFormat format, Stream output)
    {
        using var scope = NewDisposeScope();
        using var module = ModelCatalog.Find(model)?.Create() ?? throw new InvalidDataException($"this lab has no model '{model}' to load the checkpoint into");
        using var optimizer = optim.Adam(module.parameters()); // the checkpoint holds Adam's moments too; they are read and dropped
        using (var file = open())
            Checkpoint.Load(file, name, module, optimizer);
        if (format == ExportFormat.Pt) module.save_py(output);
        else module.save_safetensors(output);
    }
}
