using SpectralLab.Core.Runs;

namespace SpectralLab.Web.Components.Runs;

/// <summary>A page's read of stored runs: a run database that cannot be read becomes the sentence the page shows, not a broken circuit.</summary>
static class StoreRead
{
    /// <returns>Null when the read succeeded, else what is wrong and what to do.</returns>
    public static async Task<string?> ProblemOfAsync(Func<Task> read)
    {
        try
        {
            await read();
            return null;
        }
        catch (RunStoreException e)
        {
            return e.Message;
        }
    }
}
