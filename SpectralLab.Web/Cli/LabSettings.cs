using Microsoft.Extensions.Options;
using SpectralLab.Core.Lab;

namespace SpectralLab.Web.Cli;

/// <summary>
/// The lab's settings as a verb sees them: the "SpectralLab" section bound from the environment (SpectralLab__StateDirectory,
/// SpectralLab__KeptEpochCheckpoints, …), the lab's own source for them, over <see cref="LabOptions"/>' defaults, so a verb
/// and the lab started in the same shell use the same state directory.
/// </summary>
static class LabSettings
{
    public static LabOptions FromEnvironment()
    {
        var options = new LabOptions();
        new ConfigurationBuilder().AddEnvironmentVariables().Build().GetSection(LabOptions.Section).Bind(options);
        return options;
    }

    /// <summary>The settings from the environment, with the state directory a verb was given (its --state).</summary>
    public static LabOptions For(string stateDirectory)
    {
        var options = FromEnvironment();
        options.StateDirectory = stateDirectory;
        return options;
    }

    /// <summary>The one sentence saying which setting is wrong, or null when they are all usable.</summary>
    public static string? Problem(LabOptions options) =>
        new LabOptionsValidator().Validate(null, options) is { Failed: true } result ? string.Join(" ", result.Failures!) : null;
}
