using System.CommandLine;
using SpectralLab.Core.Data;
using SpectralLab.Core.Flexibility;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Runs;
using SpectralLab.Core.Runtime;

namespace SpectralLab.Web.Cli;

/// <summary>`flexibility`: fits the filter families to the classic targets and/or a stored run's first-layer filters, stores the report and prints the matrix.</summary>
static class FlexibilityVerb
{
    public static Command Create(CliConsole console)
    {
        var run = new Option<long?>("--run") { Description = "A stored run whose first-layer filters are targets." };
        var classic = new Option<bool>("--classic") { Description = "The built-in classic filters are targets." };
        var restarts = new Option<int>("--restarts") { Description = $"Seeded starts per Gaussian fit (1 to {FitSettings.MaxRestarts}).", DefaultValueFactory = _ => new FitSettings().Restarts };
        var families = new Option<string?>("--families") { Description = $"Comma-separated families (default all): {string.Join(", ", FamilyChoice.All.Select(f => f.Key))}." };
        var lbfgs = new Option<int>("--lbfgs") { Description = $"L-BFGS iterations per restart between Adam and the Levenberg–Marquardt polish (0 to {FitSettings.MaxLbfgsIterations}).", DefaultValueFactory = _ => new FitSettings().LbfgsIterations };
        var state = StoreOptionSet.StateOption();
        var data = new Option<string?>("--data") { Description = $"Folder with the four IDX files (default: ${DatasetLoader.DirectoryVariable}, else the packaged MNIST)." };
        var threads = TrainingOptionSet.ThreadsOption();
        var json = new Option<bool>("--json") { Description = "The report as one JSON object instead of a table." };
        var command = new Command("flexibility", "Fit every filter family to classic filters and/or a run's first-layer filters; print residuals per cell.")
        {
            run, classic, restarts, lbfgs, families, state, data, threads, json,
        };
        command.SetAction((result, cancellation) =>
        {
            var (chosen, unknown) = FlexibilityPlan.ParseFamilies(result.GetValue(families));
            if (unknown.Count > 0)
                return Task.FromResult(console.Fail($"--families: unknown {string.Join(", ", unknown)}; the families are {string.Join(", ", FamilyChoice.All.Select(f => f.Key))}."));
            var plan = new FlexibilityPlan(result.GetValue(classic), result.GetValue(run), chosen, new FitSettings(result.GetValue(restarts), LbfgsIterations: result.GetValue(lbfgs)));
            if (plan.Problem is { } problem) return Task.FromResult(console.Fail(problem));
            return Task.FromResult(Run(console, plan, result.GetValue(state)!, result.GetValue(data), result.GetValue(threads), result.GetValue(json), cancellation));
        });
        return command;
    }

    // The whole analysis happens on this thread: no await between here and the end.
    static int Run(CliConsole console, FlexibilityPlan plan, string state, string? dataFolder, int threads, bool json, CancellationToken cancellation)
    {
        float[] digit;
        try { digit = TestDigit.From(DatasetLoader.Load(dataFolder)); }
        catch (Exception e) when (e is DataNotFoundException or DataFileException) { return console.Fail(e.Message, ExitCodes.Failure); }
        TorchThreads.Configure(threads);
        FlexibilityReport report;
        try
        {
            report = new FlexibilityJob(state, () => LabSettings.For(state).OpenStore()).Run(plan, digit, partial =>
            {
                if (console.ShowsProgress) console.Error.Write($"\rflexibility: {partial.Cells.Count} of {partial.Targets.Count * partial.Families.Count} cells, {partial.Seconds:F0} s");
            }, cancellation);
        }
        catch (Exception e) when (e is InvalidDataException or RunStoreException or IOException or UnauthorizedAccessException)
        {
            return console.Fail(e.Message, ExitCodes.Failure);
        }
        catch (OperationCanceledException)
        {
            return console.Fail("flexibility: stopped; the cells found so far are stored.", ExitCodes.Failure);
        }
        if (console.ShowsProgress) console.Error.Write("\r\u001b[K");
        if (json)
        {
            console.WriteJson(new
            {
                report.Key, report.Seconds, families = report.Families, medians = report.MedianResiduals(),
                cells = report.Cells.Select(c => new { target = report.Targets[c.Target].Name, source = report.Targets[c.Target].Source, family = c.Family, residual = c.Residual, parameters = c.Parameters, psnr = c.Psnr }),
            });
            return ExitCodes.Success;
        }
        console.Out.WriteLine($"flexibility {report.Key}: {report.Targets.Count} targets × {report.Families.Count} families in {report.Seconds:F1} s (relative residual ‖W − T‖/‖T‖; PSNR of the filtered test digit)");
        foreach (var (family, median) in report.MedianResiduals())
        {
            var cells = report.Cells.Where(c => c.Family == family).ToList();
            console.Out.WriteLine($"{family,-20} {cells[0].Parameters,4} params  median residual {median:F4}  median PSNR {cells.Select(c => c.Psnr).Order().ElementAt(cells.Count / 2),6:F1} dB");
        }
        console.Out.WriteLine($"report: {new ReportFiles(state).PathOf(report.Key)}");
        return ExitCodes.Success;
    }
}
