namespace SpectralLab.Core.Data;

/// <summary>The dataset a long-running lab trains on, loaded once; or why there is none, in one sentence.</summary>
public sealed class LabDataset(string? directory)
{
    readonly Lazy<(Dataset? Data, string? Problem)> loaded = new(() =>
    {
        try { return (DatasetLoader.Load(directory), null); }
        catch (Exception e) when (e is DataNotFoundException or DataFileException) { return (null, e.Message); }
    });

    public Dataset? Data => loaded.Value.Data;

    /// <summary>Why no data could be loaded, saying what to run or set; null when <see cref="Data"/> is there.</summary>
    public string? Problem => loaded.Value.Problem;
}
