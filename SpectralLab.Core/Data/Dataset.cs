namespace SpectralLab.Core.Data;

/// <summary>A training set and a test set of the same image size, and where they came from.</summary>
public sealed record Dataset(string Name, string Directory, ImageSet Train, ImageSet Test)
{
    public int Height => Train.Height;
    public int Width => Train.Width;
}
