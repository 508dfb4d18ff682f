using SpectralLab.Core.Runs;
using SpectralLab.Core.Training;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Runs;

public sealed class CheckpointFileTests : IDisposable
{
    readonly TempDirectory folder = new();

    public void Dispose() => folder.Dispose();

    /// <summary>Writes epochs 1, 2, … with these validation losses; each file holds its epoch's number.</summary>
    static void WriteEpochs(CheckpointFile checkpoints, params double[] validationLosses)
    {
        for (int epoch = 1; epoch <= validationLosses.Length; epoch++)
        {
            byte[] content = [(byte)epoch];
            checkpoints.Write(new CheckpointInfo(epoch, epoch * 10), validationLosses[epoch - 1], stream => stream.Write(content));
        }
    }

    static int EpochIn(string path) => File.ReadAllBytes(path).Single();

    static int EpochIn(CheckpointCandidate checkpoint)
    {
        using var stream = checkpoint.Open();
        return stream.ReadByte();
    }

    [Fact]
    public void Write_ValidationRisesAfterEpochTwo_BestStaysEpochTwoWhileLatestMovesOn()
    {
        var checkpoints = new CheckpointFile(folder.File("run-1.ckpt"));

        WriteEpochs(checkpoints, 0.30, 0.20, 0.25, 0.21);

        Assert.Equal(2, EpochIn(checkpoints.Find(CheckpointChoice.Best)!));
        Assert.Equal(4, EpochIn(checkpoints.Find(CheckpointChoice.Latest)!));
        Assert.Equal(3, EpochIn(checkpoints.PreviousPath));
    }

    [Fact]
    public void Write_LowerThanEveryEarlierEpochTheStoreKnows_IsTheBestEvenInAFreshInstance()
    {
        // A resumed run writes through a new instance: what counts is the lowest loss of the epochs before, as told.
        var stored = new Dictionary<int, double> { [1] = 0.30, [2] = 0.20 };
        double? LowestBefore(int epoch) => stored.Where(e => e.Key < epoch).Select(e => (double?)e.Value).Min();
        var first = new CheckpointFile(folder.File("run-1.ckpt"), LowestBefore);
        WriteEpochs(first, 0.30, 0.20);

        var resumed = new CheckpointFile(folder.File("run-1.ckpt"), LowestBefore);
        resumed.Write(new CheckpointInfo(3, 30), 0.22, stream => stream.Write([3]));
        Assert.Equal(2, EpochIn(resumed.BestPath));
        stored[3] = 0.22;
        resumed.Write(new CheckpointInfo(4, 40), 0.19, stream => stream.Write([4]));
        Assert.Equal(4, EpochIn(resumed.BestPath));
    }

    [Fact]
    public void Write_KeepingTwoEpochs_KeepsOnlyTheNewestTwo()
    {
        var checkpoints = new CheckpointFile(folder.File("run-1.ckpt"), keptEpochs: 2);

        WriteEpochs(checkpoints, 0.5, 0.4, 0.3, 0.2, 0.1);

        Assert.Equal([4, 5], checkpoints.KeptEpochs);
        Assert.Equal(4, EpochIn(checkpoints.EpochPath(4)));
        Assert.Equal(5, EpochIn(checkpoints.EpochPath(5)));
    }

    [Fact]
    public void Delete_EveryKeptFile_IsGoneButAnotherRunsStay()
    {
        var checkpoints = new CheckpointFile(folder.File("run-1.ckpt"), keptEpochs: 3);
        var other = new CheckpointFile(folder.File("run-11.ckpt"), keptEpochs: 3);
        WriteEpochs(checkpoints, 0.3, 0.2);
        WriteEpochs(other, 0.3);

        checkpoints.Delete();

        Assert.Equal(["run-11.best.ckpt", "run-11.ckpt", "run-11.epoch-1.ckpt"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
        Assert.Null(checkpoints.Find(CheckpointChoice.Latest));
        Assert.Null(checkpoints.Find(CheckpointChoice.Best));
    }

    [Fact]
    public void Delete_BeforeAnyCheckpointFolderExists_DoesNothing()
    {
        var checkpoints = new CheckpointFile(folder.File("never-made/run-1.ckpt"), keptEpochs: 3);

        checkpoints.Delete();

        Assert.False(Directory.Exists(folder.File("never-made")));
    }
}
