using SpectralLab.Core.Training;

namespace SpectralLab.Core.Runs;

/// <summary>
/// A run's checkpoints as files: the newest (run-N.ckpt) and the one it replaced (run-N.previous.ckpt), so that a newest
/// one found damaged still leaves the epoch before it to resume from; the best epoch's (lowest validation loss,
/// run-N.best.ckpt), to take away; and, when asked, the last few epochs' (run-N.epoch-E.ckpt). Each is written to a
/// temporary file and moved into place, so a crash mid-write leaves the others intact.
/// </summary>
/// <param name="lowestValidationBefore">The lowest validation loss of the run's epochs before a given one (null when none):
/// what an epoch must beat to be the best. Without it the best is judged among the epochs this instance has written.</param>
/// <param name="keptEpochs">How many of the newest epochs' checkpoints to keep besides these (bounded by configuration).</param>
public sealed class CheckpointFile(string path, Func<int, double?>? lowestValidationBefore = null, int keptEpochs = 0) : IRunCheckpoints
{
    double? lowestWritten;

    public string Path { get; } = path;

    public string Location => Path;

    public string PreviousPath => Sibling(".previous.ckpt");

    /// <summary>Where a newest checkpoint that proved unusable is kept, for whoever wants to look at it.</summary>
    public string DamagedPath => Sibling(".damaged.ckpt");

    /// <summary>The checkpoint of the epoch with the lowest validation loss so far.</summary>
    public string BestPath => Sibling(".best.ckpt");

    public string EpochPath(int epoch) => Sibling($".epoch-{epoch}.ckpt");

    string WritingPath => Path + ".writing";

    string Folder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!;

    public bool Exists => File.Exists(Path) || File.Exists(PreviousPath);

    public bool NewestExists => File.Exists(Path);

    public string NewestName => System.IO.Path.GetFileName(Path);

    /// <summary>The checkpoint files there are, newest first.</summary>
    public IReadOnlyList<CheckpointCandidate> Candidates => [.. new[] { Path, PreviousPath }.Where(File.Exists).Select(Candidate)];

    public CheckpointCandidate? Find(CheckpointChoice which) => which == CheckpointChoice.Best
        ? (File.Exists(BestPath) ? Candidate(BestPath) : null)
        : Candidates.FirstOrDefault();

    public IReadOnlyList<int> KeptEpochs => [.. EpochFiles().Select(f => f.Epoch).Order()];

    public void Write(CheckpointInfo info, double validationLoss, Action<Stream> write)
    {
        Directory.CreateDirectory(Folder);
        using (var file = File.Create(WritingPath))
        {
            write(file);
            file.Flush(flushToDisk: true);
        }
        if (File.Exists(Path)) File.Move(Path, PreviousPath, overwrite: true);
        File.Move(WritingPath, Path, overwrite: true);

        var lowest = lowestValidationBefore is null ? lowestWritten : lowestValidationBefore(info.Epoch);
        if (lowest is null || validationLoss < lowest) CopyNewestTo(BestPath);
        lowestWritten = Math.Min(lowestWritten ?? double.PositiveInfinity, validationLoss);
        if (keptEpochs > 0) KeepEpoch(info.Epoch);
    }

    /// <summary>The damaged newest one is kept at <see cref="DamagedPath"/>.</summary>
    public void FallBack()
    {
        if (File.Exists(Path)) File.Move(Path, DamagedPath, overwrite: true);
        File.Move(PreviousPath, Path);
    }

    public void Delete()
    {
        if (!Directory.Exists(Folder)) return; // a run that never reached an epoch end, in a lab that never wrote a checkpoint
        foreach (var file in new[] { Path, PreviousPath, DamagedPath, BestPath, WritingPath }.Concat(EpochFiles().Select(f => f.Path))) File.Delete(file);
    }

    void KeepEpoch(int epoch)
    {
        CopyNewestTo(EpochPath(epoch));
        foreach (var (old, _) in EpochFiles().OrderByDescending(f => f.Epoch).Skip(keptEpochs)) File.Delete(old);
    }

    void CopyNewestTo(string target)
    {
        File.Copy(Path, WritingPath, overwrite: true);
        File.Move(WritingPath, target, overwrite: true);
    }

    IEnumerable<(string Path, int Epoch)> EpochFiles()
    {
        string stem = System.IO.Path.GetFileNameWithoutExtension(Path);
        if (!Directory.Exists(Folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(Folder, $"{stem}.epoch-*.ckpt"))
            if (int.TryParse(System.IO.Path.GetFileNameWithoutExtension(file)[(stem.Length + ".epoch-".Length)..], out int epoch))
                yield return (file, epoch);
    }

    static CheckpointCandidate Candidate(string file) => new(System.IO.Path.GetFileName(file), () => File.OpenRead(file));

    string Sibling(string extension) => System.IO.Path.ChangeExtension(Path, extension);
}
