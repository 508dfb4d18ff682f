namespace SpectralLab.Core.Data;

/// <summary>A data file that cannot be used; the message names the file and what is wrong with it.</summary>
public sealed class DataFileException(string message) : Exception(message);
