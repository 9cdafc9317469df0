using System.Globalization;
using System.Reflection;

// deploy-web: /health for the router, /version for people, everything else answers "hello" — with an error rate and
// latency set by environment variables, so a faulty or slow version can be deployed on purpose.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

var version = Environment.GetEnvironmentVariable("RELEASE_SDK_VERSION")
    ?? typeof(Knobs).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
    ?? "unknown";
var knobs = Knobs.FromEnvironment();
long served = 0;

app.MapGet("/health", () => Results.Text("ok"));
app.MapGet("/version", () => Results.Text(version));
app.MapFallback(async context =>
{
    if (knobs.LatencyMs > 0) await Task.Delay(knobs.LatencyMs);
    // Every n-th request fails, so 0.2 is exactly one in five: deterministic for tests.
    var n = Interlocked.Increment(ref served);
    var fail = knobs.ErrorRate > 0 && Math.Floor(n * knobs.ErrorRate) > Math.Floor((n - 1) * knobs.ErrorRate);
    context.Response.StatusCode = fail ? 500 : 200;
    await context.Response.WriteAsync(fail ? $"{version} failed on purpose\n" : $"hello from {version}\n");
});
app.Run();

internal sealed record Knobs(double ErrorRate, int LatencyMs)
{
    public static Knobs FromEnvironment() => new(
        double.Parse(Environment.GetEnvironmentVariable("DEPLOY_WEB_ERROR_RATE") ?? "0", CultureInfo.InvariantCulture),
        int.Parse(Environment.GetEnvironmentVariable("DEPLOY_WEB_LATENCY_MS") ?? "0", CultureInfo.InvariantCulture));
}
