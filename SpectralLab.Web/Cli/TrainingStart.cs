using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runtime;
using SpectralLab.Core.Training;

namespace SpectralLab.Web.Cli;

/// <summary>What every training verb does before it trains: load the data, check the options against it, set torch's threads.</summary>
static class TrainingStart
{
    /// <summary>Calls <paramref name="train"/> with the loaded data, or writes the one line saying what is wrong and returns its exit code.</summary>
    public static int Run(CliConsole console, TrainingOptionSet set, ParseResult result, TrainingOptions options, Func<Dataset, int> train)
    {
        Dataset data;
        try { data = DatasetLoader.Load(result.GetValue(set.Data)); }
        catch (Exception e) when (e is DataNotFoundException or DataFileException) { return console.Fail(e.Message, ExitCodes.Failure); }
        foreach (var (field, message) in options.Validate(data.Train.Count, MemoryBudget.For(configuredMegabytes: null)))
            return console.Fail($"{set.FlagOf(field)}: {message}");
        TorchThreads.Configure(result.GetValue(set.Threads));
        return train(data);
    }

    /// <summary>As <see cref="Run(CliConsole, TrainingOptionSet, ParseResult, TrainingOptions, Func{Dataset, int})"/>, then opens where the runs are kept (<paramref name="store"/>).</summary>
    public static int Run(CliConsole console, TrainingOptionSet set, ParseResult result, TrainingOptions options,
        StoreOptionSet store, bool asSweep, Action<LabEvent> publish, Func<Dataset, IRunTrainer, int> train) =>
        Run(console, set, result, options, data => store.Open(result, asSweep, publish) switch
        {
            ({ } runs, _) => train(data, runs),
            (_, var problem) => console.Fail(problem!, ExitCodes.Failure),
        });
}
