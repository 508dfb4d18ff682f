using SpectralLab.Core.Models;

namespace SpectralLab.Core.Training;

/// <summary>
/// Format-1 checkpoints carry no checksum, and TorchSharp's readers trust the types and sizes they read: a damaged
/// optimizer state makes libtorch allocate and copy by them, which can corrupt memory. So a format-1 body is handed to
/// them only when every byte other than a tensor's values or a step count equals that of this model and optimizer saved
/// here. Saved once with all those bytes clear and once with all of them set, the two saves differ at exactly those bytes.
/// </summary>
static class FormatOneLayout
{
    /// <summary>Throws InvalidDataException when <paramref name="body"/> is not laid out as this model's; leaves the model and optimizer holding filler.</summary>
    public static void Check(byte[] body, string name, Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer)
    {
        byte[] clear = SaveFilled(model, optimizer, 0x00, step: 0), set = SaveFilled(model, optimizer, 0xFF, step: -1);
        if (body.Length != clear.Length)
            throw new InvalidDataException($"checkpoint {name} is damaged (it holds {body.Length:N0} bytes of state where this model has {clear.Length:N0})");
        for (int i = 0; i < body.Length; i++)
            if (clear[i] == set[i] && body[i] != clear[i])
                throw new InvalidDataException($"checkpoint {name} is damaged (byte {i:N0} of its state is not laid out as this model's)");
    }

    static byte[] SaveFilled(Autoencoder model, TorchSharp.Modules.OptimizerHelper optimizer, byte filler, long step)
    {
        foreach (var tensor in model.state_dict().Values) tensor.bytes.Fill(filler);
        foreach (var state in optimizer.state_dict().State.OfType<TorchSharp.Modules.Adam.State>())
        {
            state.step = step;
            state.exp_avg.bytes.Fill(filler);
            state.exp_avg_sq.bytes.Fill(filler);
        }
        using var body = new MemoryStream();
        using var writer = new BinaryWriter(body);
        model.save(writer);
        optimizer.save_state_dict(writer);
        writer.Flush();
        return body.ToArray();
    }
}
