using SpectralLab.Core.Data;
using SpectralLab.Tests.Support;

namespace SpectralLab.Tests.Core.Data;

public sealed class DatasetLoaderTests
{
    [Fact]
    public void Load_Default_FindsTheRealMnistFromTheNpmPackage()
    {
        var data = TestData.RealMnist;

        Assert.Equal("MNIST", data.Name);
        Assert.Equal((60_000, 10_000, 28, 28), (data.Train.Count, data.Test.Count, data.Height, data.Width));
        Assert.Equal(5, data.Train.Labels[0]); // the first MNIST training digit is a 5
        Assert.InRange(data.Train.Pixels.Average(p => (double)p), 30, 40); // MNIST's mean intensity is about 33
    }

    [Fact]
    public void Load_AnyIdxFolder_LoadsItByItsFolderName()
    {
        using var folder = new TempDirectory();
        IdxFiles.WriteDataset(folder.Path, train: 12, test: 5, height: 6, width: 5);

        var data = DatasetLoader.Load(folder.Path);

        Assert.Equal(Path.GetFileName(folder.Path), data.Name);
        Assert.Equal((12, 5, 6, 5), (data.Train.Count, data.Test.Count, data.Height, data.Width));
    }

    [Fact]
    public void Load_FolderMissingAFile_SaysWhichFile()
    {
        using var folder = new TempDirectory();
        IdxFiles.WriteDataset(folder.Path, 3, 3);
        File.Delete(folder.File("t10k-labels-idx1-ubyte"));

        var error = Assert.Throws<DataNotFoundException>(() => DatasetLoader.Load(folder.Path));

        Assert.Contains("t10k-labels-idx1-ubyte", error.Message);
    }

    [Fact]
    public void Load_MissingFolder_SaysItDoesNotExist()
    {
        var error = Assert.Throws<DataNotFoundException>(() => DatasetLoader.Load("/no/such/folder"));

        Assert.Contains("does not exist", error.Message);
    }
}
