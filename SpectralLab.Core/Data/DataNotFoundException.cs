namespace SpectralLab.Core.Data;

/// <summary>No dataset where one was looked for; the message says what to run or set.</summary>
public sealed class DataNotFoundException(string message) : Exception(message);
