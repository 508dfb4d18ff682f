using Bunit;
using SpectralLab.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SpectralLab.Core.Data;
using SpectralLab.Core.Lab;
using SpectralLab.Core.Training;
using SpectralLab.Web.Components.Lab;

namespace SpectralLab.Tests.Web.Components;

public sealed class ExperimentFormTests : LabComponentTest
{
    readonly FakeTrainingControl control = new();
    static readonly Dataset Data = new("MNIST", "/data", Images(600), Images(100));

    public ExperimentFormTests() => Services.AddSingleton<ITrainingControl>(control);

    static ImageSet Images(int count) => new(new byte[count * 4], new byte[count], count, 2, 2);

    /// <summary>The form once it has read the settings it starts from (off the circuit's thread).</summary>
    IRenderedComponent<ExperimentForm> RenderForm(LabView? view = null, string? from = null)
    {
        var form = Render<ExperimentForm>(p => p.Add(c => c.View, view ?? new LabView()).Add(c => c.Data, Data).Add(c => c.From, from));
        form.WaitForAssertion(() => Assert.Equal("false", form.Find("[data-testid=experiment-form]").GetAttribute("aria-busy")));
        return form;
    }

    [Fact]
    public void Start_ValidForm_SendsTheFormsOptions()
    {
        var form = RenderForm();
        form.Find("[data-testid=epochs]").Input("3");
        form.Find("[data-testid=train-size]").Input("512");

        form.Find("[data-testid=start]").Click();

        var options = Assert.Single(control.Started);
        Assert.Equal(("spectral-gaussian", 3, 128, 0.001, 512), (options.Model, options.Epochs, options.BatchSize, options.LearningRate, options.TrainLimit));
    }

    [Fact]
    public void NegativeLearningRate_ShowsTheMessageAtTheFieldAndDisablesStart()
    {
        var form = RenderForm();

        form.Find("[data-testid=learning-rate]").Input("-0.5");

        Assert.Contains("The learning rate must be a positive finite number (got -0.5)", form.Markup);
        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public void BatchLargerThanTheTrainingSet_SaysSoAndDisablesStart()
    {
        var form = RenderForm();

        form.Find("[data-testid=train-size]").Input("100");
        form.Find("[data-testid=batch-size]").Input("128");

        form.WaitForAssertion(() => Assert.Contains("larger than the 100 training images", form.Markup)); // MudBlazor applies input asynchronously
        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
    }

    [Fact]
    public void RunActive_StartIsDisabledAndStopEnabled()
    {
        var form = RenderForm(ViewOf(new RunStarted(Run())));

        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
        Assert.False(form.Find("[data-testid=stop]").HasAttribute("disabled"));
    }

    string Field(IRenderedComponent<ExperimentForm> form, string field) => form.Find($"[data-testid={field}]").GetAttribute("value") ?? "";

    long Stored(TrainingOptions options) =>
        Store.CreateRun(new RunInfo(0, options, options.Model, 100, "MNIST", options.TrainLimit ?? 600, 100, 5, DateTimeOffset.UtcNow));

    [Fact]
    public void RunActive_ShowsThatRunsSettingsReadOnlyNotTheDefaults()
    {
        var active = Run() with { Options = new TrainingOptions { Model = "spatial", Epochs = 7, BatchSize = 32, LearningRate = 100, Seed = 5, TrainLimit = 256 } };

        var form = RenderForm(ViewOf(new RunStarted(active)));

        Assert.Equal(("7", "32", "100", "5", "256"),
            (Field(form, "epochs"), Field(form, "batch-size"), Field(form, "learning-rate"), Field(form, "seed"), Field(form, "train-size")));
        Assert.All(new[] { "epochs", "batch-size", "learning-rate", "seed", "train-size" },
            field => Assert.True(form.Find($"[data-testid={field}]").HasAttribute("disabled")));
        Assert.Contains("Run 1 is training with these settings", form.Find("[data-testid=form-origin]").TextContent);
    }

    [Fact]
    public void Idle_StartsFromTheNewestStoredRunsSettings()
    {
        Stored(new TrainingOptions { Model = "spatial", Epochs = 2 });
        Stored(new TrainingOptions { Model = "spatial", Epochs = 4, LearningRate = 0.01, Seed = 3, TrainLimit = 300 });

        var form = RenderForm();

        Assert.Equal(("4", "0.01", "3", "300"), (Field(form, "epochs"), Field(form, "learning-rate"), Field(form, "seed"), Field(form, "train-size")));
        Assert.False(form.Find("[data-testid=epochs]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task From_StoredRun_PrefillsItsSettingsToChangeOneAndStart()
    {
        long id = Stored(new TrainingOptions { Model = "spatial", Epochs = 3, BatchSize = 64, LearningRate = 100, Seed = 2, TrainLimit = 512, ValidationLimit = 50 });
        Stored(new TrainingOptions { Model = "spectral-gaussian", Epochs = 9 }); // newer, but the address names the other

        var form = RenderForm(from: id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains($"Run {id}'s settings", form.Find("[data-testid=form-origin]").TextContent);
        form.Find("[data-testid=learning-rate]").Input("0.001");
        form.WaitForAssertion(() => Assert.Equal("0.001", Field(form, "learning-rate"))); // MudBlazor applies input asynchronously
        await form.InvokeAsync(() => form.Find("[data-testid=start]").Click());

        form.WaitForAssertion(() => Assert.Single(control.Started));
        var started = Assert.Single(control.Started);
        Assert.Equal(new TrainingOptions { Model = "spatial", Epochs = 3, BatchSize = 64, LearningRate = 0.001, Seed = 2, TrainLimit = 512, ValidationLimit = 50 }, started);
    }

    [Theory]
    [InlineData("99", "There is no run 99 to copy settings from")]
    [InlineData("abc", "'abc' is not a run number")]
    [InlineData("-1", "'-1' is not a run number")]
    public void From_UnknownOrMalformedRun_SaysSoInOneSentenceAndKeepsTheDefaults(string from, string message)
    {
        Stored(new TrainingOptions { Model = "spatial", Epochs = 4 });

        var form = RenderForm(from: from);

        Assert.Contains(message, form.Find("[data-testid=form-origin]").TextContent);
        var defaults = new TrainingOptions();
        Assert.Equal((defaults.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture), "600"), (Field(form, "epochs"), Field(form, "train-size")));
    }

    [Theory]
    [InlineData("epochs", "-5", "Epochs must be from 1 to 1,000 (got -5)")]
    [InlineData("epochs", "0", "Epochs must be from 1 to 1,000 (got 0)")]
    [InlineData("epochs", "abc", "Epochs must be a whole number (got 'abc')")]
    [InlineData("epochs", "1.5", "Epochs must be a whole number (got '1.5')")]
    [InlineData("epochs", "99999999999", "Epochs 99999999999 is far too large")]
    [InlineData("epochs", "", "Epochs is needed")]
    [InlineData("batch-size", "0", "The batch size must be at least 1 (got 0)")]
    [InlineData("batch-size", "-1", "The batch size must be at least 1 (got -1)")]
    [InlineData("batch-size", "100000", "larger than the 600 training images")]
    [InlineData("train-size", "99999999", "The training-set size 99,999,999 is more than the 600 images available")]
    [InlineData("learning-rate", "0", "The learning rate must be a positive finite number (got 0)")]
    [InlineData("learning-rate", "NaN", "The learning rate must be a finite number such as 0.001 (got 'NaN')")]
    [InlineData("learning-rate", "Infinity", "The learning rate must be a finite number such as 0.001 (got 'Infinity')")]
    [InlineData("seed", "x", "The seed must be a whole number (got 'x')")]
    public void BadValue_ShowsItsMessageAtTheFieldAndStartsNothing(string field, string typed, string message)
    {
        var form = RenderForm();

        form.Find($"[data-testid={field}]").Input(typed);
        form.WaitForAssertion(() => Assert.Contains(message, form.Find($"[data-testid={field}]").ParentElement!.ParentElement!.ParentElement!.TextContent));
        form.Find("[data-testid=start]").Click();

        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
        Assert.Contains(message, form.Find("[data-testid=start-blocked]").TextContent);
        Assert.Empty(control.Started);
    }

    [Fact]
    public void BatchOverTheMemoryBudget_IsRefusedWithTheLimitInTheMessage()
    {
        Services.AddSingleton(new SpectralLab.Core.Training.MemoryBudget(1L << 30, "a small test budget"));
        var form = RenderForm();

        form.Find("[data-testid=batch-size]").Input("500");

        string shown = form.Find("[data-testid=start-blocked]").TextContent;
        Assert.Contains("memory budget of 1.0 GB (a small test budget)", shown);
        Assert.Contains("at most 303", shown);
        Assert.True(form.Find("[data-testid=start]").HasAttribute("disabled"));
    }
}
