using System.Globalization;

// Every answer says who answered (X-Backend, X-Version) so the load generator can measure the traffic split.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();

var instance = Environment.GetEnvironmentVariable("RELEASE_SDK_INSTANCE") ?? "testapp";
var version = Environment.GetEnvironmentVariable("RELEASE_SDK_VERSION") ?? "0.0.0";
var behaviour = new Behaviour(
    double.Parse(Environment.GetEnvironmentVariable("TESTAPP_ERROR_RATE") ?? "0", CultureInfo.InvariantCulture),
    int.Parse(Environment.GetEnvironmentVariable("TESTAPP_LATENCY_MS") ?? "0", CultureInfo.InvariantCulture));
long served = 0;

app.Use(async (context, next) =>
{
    context.Response.Headers["X-Backend"] = instance;
    context.Response.Headers["X-Version"] = version;
    await next();
});
app.MapGet("/health", () => Results.Text("ok"));
app.MapPost("/control", (double? errorRate, int? latencyMs) =>
{
    behaviour = new Behaviour(errorRate ?? behaviour.ErrorRate, latencyMs ?? behaviour.LatencyMs);
    return Results.Text($"errorRate={behaviour.ErrorRate} latencyMs={behaviour.LatencyMs}");
});
app.MapFallback(async context =>
{
    var current = behaviour;
    if (current.LatencyMs > 0) await Task.Delay(current.LatencyMs);
    // Deterministic error pattern: every n-th request fails, so 20 % means exactly 1 in 5.
    var n = Interlocked.Increment(ref served);
    var fail = current.ErrorRate > 0 && Math.Floor(n * current.ErrorRate) > Math.Floor((n - 1) * current.ErrorRate);
    context.Response.StatusCode = fail ? 500 : 200;
    await context.Response.WriteAsync($"{instance} {version}");
});
app.Run();

internal sealed record Behaviour(double ErrorRate, int LatencyMs);
