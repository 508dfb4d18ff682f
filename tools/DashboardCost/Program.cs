// What watching costs the trainer. Starts a lab of its own (fresh state folder, one torch thread as a lab uses on two
// cores), starts a run from a browser tab, then opens and closes TABS tabs in turn, WINDOW seconds each, until the run
// ends. Each window's median step time comes from the run store; comparing a window with the one before it cancels
// the machine's drift, which separate runs cannot. The edges of each window are skipped: the store lags by up to one
// snapshot interval.
//
//   dotnet run -c Release --project tools/DashboardCost -- [lab.dll] [tabs] [window seconds] [training images] [epochs]
using Microsoft.Playwright;
using DashboardCost;

var settings = Settings.From(args);
if (settings is null) return 2;

using var lab = Lab.Start(settings.LabDll);
await lab.WaitUntilServingAsync();
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});

var tabs = await Tabs.OpenAsync(browser, lab.Address, settings.Tabs);
await StartRunAsync(tabs[0], settings);
var store = new StepStore(lab.Database);
await Task.Delay(TimeSpan.FromSeconds(8)); // past the first steps and the first snapshots

var windows = new List<(long FirstStep, bool Watched)>();
bool watched = true;
while (store.Training())
{
    windows.Add((store.LastStep(), watched));
    await Task.Delay(TimeSpan.FromSeconds(settings.WindowSeconds));
    watched = !watched;
    await Tabs.CloseAsync(tabs);
    tabs = watched ? await Tabs.OpenAsync(browser, lab.Address, settings.Tabs) : [];
}
windows.Add((store.LastStep(), false));

var steps = store.StepMilliseconds();
var ratios = new List<double>();
double? previousUnwatched = null;
for (int i = 0; i + 1 < windows.Count; i++)
{
    long first = windows[i].FirstStep, last = windows[i + 1].FirstStep, edge = (last - first) / 6;
    var times = steps.Where(s => s.Key >= first + edge && s.Key < last - edge).Select(s => s.Value).ToList();
    if (times.Count == 0) continue;
    double median = Median(times);
    Console.WriteLine($"window {i,2}: {(windows[i].Watched ? $"{settings.Tabs} tabs" : "no tabs"),-7} steps {first}–{last}, median {median:F1} ms");
    if (!windows[i].Watched) previousUnwatched = median;
    else if (previousUnwatched is { } before) ratios.Add(median / before);
}
Console.WriteLine(ratios.Count == 0
    ? "The run ended before a watched window followed an unwatched one: give it more images or epochs."
    : $"watched / unwatched step time, median over {ratios.Count} pairs: {Median(ratios):F3} (from {ratios.Min():F3} to {ratios.Max():F3})");
return 0;

static double Median(List<double> values)
{
    values.Sort();
    return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
}

static async Task StartRunAsync(IPage page, Settings settings)
{
    await page.GetByTestId("train-size").FillAsync(settings.TrainingImages.ToString());
    await page.GetByTestId("epochs").FillAsync(settings.Epochs.ToString());
    await page.GetByTestId("train-size").PressAsync("Tab");
    await page.GetByTestId("start").ClickAsync();
}
