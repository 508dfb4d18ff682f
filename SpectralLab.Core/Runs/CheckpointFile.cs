using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// A run's checkpoints as files: the newest (run-N.ckpt) and the one it replaced (run-N.previous.ckpt), so that a newest
/// one found damaged still leaves the epoch before it to resume from. Each is written to a temporary file and moved into
/// place, so a crash mid-write leaves both intact.
/// </summary>
public sealed class CheckpointFile(string path) : ICheckpointStorage
{
    public string Path { get; } = path;

    public string PreviousPath => System.IO.Path.ChangeExtension(Path, ".previous.ckpt");

    /// <summary>Where a newest checkpoint that proved unusable is kept, for whoever wants to look at it.</summary>
    public string DamagedPath => System.IO.Path.ChangeExtension(Path, ".damaged.ckpt");

    string WritingPath => Path + ".writing";

    /// <summary>Whether there is a checkpoint to resume from; a run stopped before its first epoch ended has none.</summary>
    public bool Exists => File.Exists(Path) || File.Exists(PreviousPath);

    /// <summary>The checkpoint files there are, newest first.</summary>
    public IReadOnlyList<string> Candidates => [.. new[] { Path, PreviousPath }.Where(File.Exists)];

    public void Write(Action<Stream> write)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
        using (var file = File.Create(WritingPath))
        {
            write(file);
            file.Flush(flushToDisk: true);
        }
        if (File.Exists(Path)) File.Move(Path, PreviousPath, overwrite: true);
        File.Move(WritingPath, Path, overwrite: true);
    }

    /// <summary>The previous checkpoint becomes the newest again, once the newest proved unusable (kept at <see cref="DamagedPath"/>).</summary>
    public void FallBack()
    {
        if (File.Exists(Path)) File.Move(Path, DamagedPath, overwrite: true);
        File.Move(PreviousPath, Path);
    }

    public void Delete()
    {
        foreach (var file in new[] { Path, PreviousPath, DamagedPath, WritingPath }) File.Delete(file);
    }
}
