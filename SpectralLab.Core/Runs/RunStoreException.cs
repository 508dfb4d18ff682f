namespace SpectralLab.Core.Runs;

/// <summary>The run store cannot be opened or written; the message says which file and why.</summary>
public sealed class RunStoreException(string message, Exception? inner = null) : Exception(message, inner);
