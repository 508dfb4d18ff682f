namespace SpectralLab.Core.Lab;

/// <summary>What a screen asked for, or one sentence saying why it cannot have it and what to do.</summary>
public sealed record Answer<T>(T? Value, string? Problem) where T : class
{
    public static Answer<T> Of(T value) => new(value, null);

    public static Answer<T> Refused(string problem) => new(null, problem);
}
