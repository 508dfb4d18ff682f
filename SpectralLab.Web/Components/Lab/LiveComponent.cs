using Microsoft.AspNetCore.Components;
using SpectralLab.Core.Lab;

namespace SpectralLab.Web.Components.Lab;

/// <summary>
/// A page that follows the lab live: it starts from the hub's history, subscribes after the first render, applies
/// whatever arrived since the last render, renders at most 4 times a second (bursts merge into one render), and
/// unsubscribes when disposed.
/// </summary>
public abstract class LiveComponent : ComponentBase, IAsyncDisposable
{
    const int RenderIntervalMs = 250; // live enough to read, and each render of each tab costs the trainer CPU

    readonly CancellationTokenSource closing = new();
    ILiveSubscription? subscription;

    [Inject] protected ILiveFeed Feed { get; set; } = default!;

    [Inject] RunStateLimits Limits { get; set; } = default!;

    protected LabView View { get; private set; } = new();

    protected override void OnInitialized()
    {
        View = new LabView(Limits);
        View.Apply(Feed.History());
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender) return;
        subscription = Feed.Subscribe();
        _ = PumpAsync(subscription, closing.Token);
    }

    /// <summary>Called on the renderer after new events were applied, before the render.</summary>
    protected virtual Task OnLabChangedAsync() => Task.CompletedTask;

    async Task PumpAsync(ILiveSubscription events, CancellationToken token)
    {
        long dropped = 0;
        try
        {
            while (await events.Events.WaitToReadAsync(token))
            {
                await InvokeAsync(async () =>
                {
                    while (events.Events.TryRead(out var labEvent)) View.Apply(labEvent);
                    if (events.Dropped != dropped)
                    {
                        dropped = events.Dropped; // this tab fell behind and lost events: start again from the history
                        View.Apply(Feed.History());
                    }
                    await OnLabChangedAsync();
                    StateHasChanged();
                });
                await Task.Delay(RenderIntervalMs, token);
            }
        }
        catch (OperationCanceledException) { }
        catch (ObjectDisposedException) { } // the circuit went away mid-render
        catch (Exception e)
        {
            await DispatchExceptionAsync(e); // a fault in the pump is the circuit's to report, not lost in a discarded task
        }
    }

    public async ValueTask DisposeAsync()
    {
        subscription?.Dispose();
        await closing.CancelAsync();
        closing.Dispose();
        GC.SuppressFinalize(this);
    }
}
