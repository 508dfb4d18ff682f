using SpectralLab.Core.Training;

namespace SpectralLab.Tests.Core.Training;

public sealed class TrainingOptionsTests
{
    [Fact]
    public void Validate_Defaults_HasNoErrors() => Assert.Empty(new TrainingOptions().Validate(60_000));

    [Theory]
    [InlineData(nameof(TrainingOptions.Model), "Unknown model")]
    [InlineData(nameof(TrainingOptions.Epochs), "from 1 to 1,000")]
    [InlineData(nameof(TrainingOptions.BatchSize), "larger than")]
    [InlineData(nameof(TrainingOptions.LearningRate), "positive finite")]
    [InlineData(nameof(TrainingOptions.TrainLimit), "more than")]
    public void Validate_OneBadField_NamesThatFieldOnly(string field, string expected)
    {
        var options = field switch
        {
            nameof(TrainingOptions.Model) => new TrainingOptions { Model = "nope" },
            nameof(TrainingOptions.Epochs) => new TrainingOptions { Epochs = 0 },
            nameof(TrainingOptions.BatchSize) => new TrainingOptions { BatchSize = 200, TrainLimit = 100 },
            nameof(TrainingOptions.LearningRate) => new TrainingOptions { LearningRate = double.PositiveInfinity },
            _ => new TrainingOptions { TrainLimit = 60_001 },
        };

        var errors = options.Validate(60_000);

        Assert.Equal([field], errors.Keys);
        Assert.Contains(expected, errors[field]);
    }
}
