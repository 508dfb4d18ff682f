namespace SpectralLab.Core.Runs;

/// <summary>The run store cannot be opened, read or written; the message is one sentence naming the file and what to do.</summary>
public sealed class RunStoreException(string message, Exception? inner = null) : Exception(message, inner);
