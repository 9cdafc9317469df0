using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;

namespace Release.Sdk.Deploy.Plan;

/// <summary>
/// Reads a plan file: one JSON object of settings ("canary.weights": "10;25;50", "analysis.interval": "5m") plus
/// the lists "thresholds", "comparisons" and "smokeTests". Unknown keys are errors (a typo must not silently keep a
/// default); keys under "target.", "router.", "haproxy.", "metrics." and "env." (the new version's environment) go to the adapters as they are.
/// </summary>
internal static class DeployPlanReader
{
    private static readonly string[] AdapterPrefixes = ["target.", "router.", "haproxy.", "metrics.", "env."];

    public static DeployPlan ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReleaseException(DiagnosticCatalog.DeployPlanUnreadable, $"The deploy plan '{path}' could not be read ({e.Message}). Pass the plan the ReleaseDeploy target wrote (obj/release-deploy-plan.json) or write one (docs/deploy.md).", e);
        }
        return Read(text, Path.GetDirectoryName(Path.GetFullPath(path))!, path);
    }

    public static DeployPlan Read(string json, string baseDirectory, string source)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip }) as JsonObject
                ?? throw new JsonException("the root is not an object");
        }
        catch (JsonException e)
        {
            throw new ReleaseException(DiagnosticCatalog.DeployPlanUnreadable, $"The deploy plan '{source}' is not a JSON object ({e.Message}). Fix the JSON or let the ReleaseDeploy target write it.", e);
        }
        return new Settings(root, baseDirectory).ToPlan();
    }

    /// <summary>The MSBuild property that sets a plan key, for error messages: "canary.weights" → ReleaseDeployCanaryWeights.</summary>
    public static string PropertyFor(string key) =>
        "ReleaseDeploy" + string.Concat(key.Split('.').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private sealed class Settings(JsonObject root, string baseDirectory)
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        public DeployPlan ToPlan()
        {
            var errorQuery = Text("analysis.errorRateQuery") ?? "error-rate";
            var latencyQuery = Text("analysis.latencyQuery") ?? "p95-latency";
            var plan = new DeployPlan
            {
                App = Text("app") ?? "app",
                Version = Required("version"),
                PublishDirectory = Path.GetFullPath(Path.Combine(baseDirectory, Required("publishDir"))),
                Strategy = Required("strategy").ToLowerInvariant() switch
                {
                    "canary" => DeployStrategyKind.Canary,
                    "bluegreen" or "blue-green" => DeployStrategyKind.BlueGreen,
                    "rolling" => DeployStrategyKind.Rolling,
                    var other => throw Invalid("strategy", other, "canary, bluegreen or rolling"),
                },
                Target = Text("target") ?? "local",
                Instances = Int("instances", 1, min: 1),
                HealthTimeout = Duration("healthTimeout", TimeSpan.FromMinutes(10)),
                DrainTimeout = Duration("drainTimeout", TimeSpan.FromSeconds(30)),
                PollInterval = Duration("pollInterval", TimeSpan.FromSeconds(1), positive: true),
                Canary = new CanarySettings
                {
                    Weights = Weights("canary.weights", [10, 25, 50, 75, 100]),
                    FirstAnalysis = Duration("canary.firstAnalysis", TimeSpan.FromMinutes(5)),
                    StepAnalysis = Duration("canary.stepAnalysis", TimeSpan.FromMinutes(3)),
                    PauseAfter = IntList("canary.pauseAfter"),
                },
                BlueGreen = new BlueGreenSettings { Monitor = Duration("blueGreen.monitor", TimeSpan.FromMinutes(5)) },
                Rolling = new RollingSettings
                {
                    MaxPercent = Int("rolling.maxPercent", 200, min: 100),
                    MinHealthyPercent = Int("rolling.minHealthyPercent", 50, min: 0, max: 100),
                    Deadline = Duration("rolling.deadline", TimeSpan.FromMinutes(15), positive: true),
                    CircuitBreakerFailures = Int("rolling.circuitBreaker", 3, min: 1),
                    BatchAnalysis = Duration("rolling.batchAnalysis", TimeSpan.Zero),
                },
                Analysis = new AnalysisSettings
                {
                    Interval = Duration("analysis.interval", TimeSpan.FromMinutes(5), positive: true),
                    SamplePeriod = Duration("analysis.samplePeriod", TimeSpan.FromSeconds(10), positive: true),
                    Confidence = Number("analysis.confidence", 0.98, 0.5, 0.9999),
                    MinSamples = Int("analysis.minSamples", 10, min: 3),
                    EffectTolerance = Number("analysis.effectTolerance", 0.1, 0, 100),
                    NoData = (Text("analysis.noData") ?? "pause").ToLowerInvariant() switch
                    {
                        "fail" => NoDataPolicy.Fail,
                        "pause" => NoDataPolicy.Pause,
                        "pass" => NoDataPolicy.Pass,
                        var other => throw Invalid("analysis.noData", other, "fail, pause or pass"),
                    },
                    MinRequests = Int("analysis.minRequests", 20, min: 0),
                    ErrorRateQuery = errorQuery,
                    LatencyQuery = latencyQuery,
                    Thresholds = Thresholds(errorQuery, latencyQuery),
                    Comparisons = Comparisons(errorQuery, latencyQuery),
                },
                Hooks = new HookSettings
                {
                    MigrationCommand = Text("hooks.migration"),
                    Confirmation = Text("hooks.confirm"),
                    Timeout = Duration("hooks.timeout", TimeSpan.FromMinutes(2), positive: true),
                    SmokeTests = SmokeTests(),
                },
                Monitor = new MonitorSettings { After = Duration("monitor.after", TimeSpan.Zero) },
                TargetSettings = AdapterSettings(),
                Notifications = Notifications(),
            };
            var unknown = root.Select(p => p.Key).Where(k => !_used.Contains(k) && !AdapterPrefixes.Any(k.StartsWith)).ToList();
            if (unknown.Count > 0)
                throw new ReleaseException(DiagnosticCatalog.InvalidDeploySetting, $"Unknown deploy setting(s): {string.Join(", ", unknown.Select(k => $"'{k}'"))}. Check the spelling against docs/deploy.md; adapter settings start with target., router., haproxy., metrics. or env.");
            if (plan.Strategy == DeployStrategyKind.Canary && plan.Canary.Weights[^1] != 100)
                throw Invalid("canary.weights", string.Join(';', plan.Canary.Weights), "weights rising to 100, e.g. 10;25;50;75;100");
            return plan;
        }

        private string? Text(string key)
        {
            _used.Add(key);
            var node = root[key];
            if (node is null) return null;
            var text = node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        private string Required(string key) => Text(key)
            ?? throw new ReleaseException(DiagnosticCatalog.InvalidDeploySetting, $"The deploy plan has no '{key}'. Set {PropertyFor(key)} (the ReleaseDeploy target fills it from the project).");

        private int Int(string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
        {
            var text = Text(key);
            if (text is null) return fallback;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw Invalid(key, text, max == int.MaxValue ? $"a whole number ≥ {min}" : $"a whole number from {min} to {max}");
            return value;
        }

        private double Number(string key, double fallback, double min, double max)
        {
            var text = Text(key);
            if (text is null) return fallback;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
                throw Invalid(key, text, $"a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
            return value;
        }

        private TimeSpan Duration(string key, TimeSpan fallback, bool positive = false)
        {
            var text = Text(key);
            if (text is null) return fallback;
            if (!Durations.TryParse(text, out var value) || (positive && value <= TimeSpan.Zero))
                throw Invalid(key, text, "a duration such as 30s, 5m, 1h or 00:05:00" + (positive ? " (more than zero)" : ""));
            return value;
        }

        private IReadOnlyList<int> IntList(string key)
        {
            var text = Text(key);
            if (text is null) return [];
            var parts = text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var values = new List<int>();
            foreach (var part in parts)
            {
                if (!int.TryParse(part.TrimEnd('%'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) || v < 0 || v > 100)
                    throw Invalid(key, text, "percentages from 0 to 100 separated by ';'");
                values.Add(v);
            }
            return values;
        }

        private IReadOnlyList<int> Weights(string key, IReadOnlyList<int> fallback)
        {
            var values = IntList(key);
            if (values.Count == 0) return fallback;
            for (var i = 1; i < values.Count; i++)
                if (values[i] <= values[i - 1])
                    throw Invalid(key, string.Join(';', values), "rising percentages ending at 100, e.g. 10;25;50;75;100");
            if (values[0] <= 0) throw Invalid(key, string.Join(';', values), "percentages above 0");
            return values;
        }

        private JsonArray? List(string key)
        {
            _used.Add(key);
            return root[key] switch
            {
                null => null,
                JsonArray array => array,
                _ => throw Invalid(key, root[key]!.ToJsonString(), "a JSON array"),
            };
        }

        private IReadOnlyList<ThresholdRule> Thresholds(string errorQuery, string latencyQuery)
        {
            var list = List("thresholds");
            if (list is null) return ThresholdRule.SeedDefaults(errorQuery, latencyQuery);
            return list.Select((node, i) =>
            {
                var item = Item(node, $"thresholds[{i}]");
                var name = ItemText(item, "name") ?? ItemText(item, "spec") ?? throw Invalid($"thresholds[{i}]", item.ToJsonString(), "an object with name, query, aggregate, above or below, periods");
                var above = ItemText(item, "above");
                var below = ItemText(item, "below");
                if ((above is null) == (below is null))
                    throw Invalid($"thresholds[{i}] ({name})", item.ToJsonString(), "exactly one of Above or Below");
                var limitText = (above ?? below)!;
                if (!double.TryParse(limitText, NumberStyles.Float, CultureInfo.InvariantCulture, out var limit))
                    throw Invalid($"thresholds[{i}] ({name})", limitText, "a number for Above/Below");
                var aggregateText = ItemText(item, "aggregate") ?? "mean";
                if (!Enum.TryParse<Aggregate>(aggregateText, ignoreCase: true, out var aggregate) || int.TryParse(aggregateText, out _))
                    throw Invalid($"thresholds[{i}] ({name})", aggregateText, "an Aggregate of mean, max, sum, last or count");
                var periodsText = ItemText(item, "periods") ?? "1";
                if (!int.TryParse(periodsText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var periods) || periods < 1)
                    throw Invalid($"thresholds[{i}] ({name})", periodsText, "Periods as a whole number ≥ 1");
                var query = ItemText(item, "query") ?? name switch
                {
                    "error-rate" => errorQuery,
                    "p95-latency" => latencyQuery,
                    _ => name,
                };
                return new ThresholdRule(name, query, aggregate, limit, above is not null, periods);
            }).ToList();
        }

        private IReadOnlyList<ComparisonMetric> Comparisons(string errorQuery, string latencyQuery)
        {
            var list = List("comparisons");
            if (list is null) return [new("error-rate", errorQuery, true), new("p95-latency", latencyQuery, true)];
            return list.Select((node, i) =>
            {
                var item = Item(node, $"comparisons[{i}]");
                var name = ItemText(item, "name") ?? ItemText(item, "spec") ?? throw Invalid($"comparisons[{i}]", item.ToJsonString(), "an object with a name");
                var direction = (ItemText(item, "worse") ?? "higher").ToLowerInvariant();
                if (direction is not ("higher" or "lower"))
                    throw Invalid($"comparisons[{i}] ({name})", direction, "Worse=higher or Worse=lower");
                var query = ItemText(item, "query") ?? name switch
                {
                    "error-rate" => errorQuery,
                    "p95-latency" => latencyQuery,
                    _ => name,
                };
                return new ComparisonMetric(name, query, direction == "higher");
            }).ToList();
        }

        private IReadOnlyList<SmokeTest> SmokeTests()
        {
            var list = List("smokeTests");
            if (list is null) return [];
            return list.Select((node, i) =>
            {
                if (node is JsonValue value && value.GetValueKind() == JsonValueKind.String)
                {
                    var spec = value.GetValue<string>().Trim();
                    return spec.StartsWith('/') ? new SmokeTest(spec, null) : new SmokeTest(null, spec);
                }
                var item = Item(node, $"smokeTests[{i}]");
                var spec2 = ItemText(item, "spec") ?? ItemText(item, "path") ?? ItemText(item, "command")
                    ?? throw Invalid($"smokeTests[{i}]", item.ToJsonString(), "a path starting with / or a command");
                var statusText = ItemText(item, "expectStatus") ?? "200";
                if (!int.TryParse(statusText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) || status is < 100 or > 599)
                    throw Invalid($"smokeTests[{i}]", statusText, "ExpectStatus as an HTTP status code");
                var contains = ItemText(item, "contains");
                return spec2.StartsWith('/') ? new SmokeTest(spec2, null, status, contains) : new SmokeTest(null, spec2, status, contains);
            }).ToList();
        }

        /// <summary>"notify.environment", "notify.projectName" and the "notifiers" list, regrouped as the notify settings object.</summary>
        private JsonObject? Notifications()
        {
            var environment = Text("notify.environment");
            var projectName = Text("notify.projectName");
            _used.Add("notifiers");
            var notifiers = root["notifiers"] switch
            {
                null => null,
                JsonArray list => (JsonArray)list.DeepClone(),
                var other => throw Invalid("notifiers", other.ToJsonString(), "a list of ReleaseNotifier items"),
            };
            if (environment is null && projectName is null && notifiers is null) return null;
            var section = new JsonObject();
            if (environment is not null) section["environment"] = environment;
            if (projectName is not null) section["projectName"] = projectName;
            if (notifiers is not null) section["notifiers"] = notifiers;
            return section;
        }

        private Dictionary<string, string> AdapterSettings() => root
            .Where(p => AdapterPrefixes.Any(p.Key.StartsWith) && p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value!.GetValueKind() == JsonValueKind.String ? p.Value.GetValue<string>() : p.Value.ToJsonString(), StringComparer.Ordinal);

        private static JsonObject Item(JsonNode? node, string where) => node as JsonObject
            ?? throw Invalid(where, node?.ToJsonString() ?? "null", "a JSON object");

        private static string? ItemText(JsonObject item, string key)
        {
            var pair = item.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            if (pair.Value is null) return null;
            var text = pair.Value.GetValueKind() == JsonValueKind.String ? pair.Value.GetValue<string>() : pair.Value.ToJsonString();
            return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        }

        private static ReleaseException Invalid(string key, string value, string expected) => new(
            DiagnosticCatalog.InvalidDeploySetting,
            $"Deploy setting '{key}' is '{value}'; expected {expected}. Set {(key.Contains('[', StringComparison.Ordinal) ? "the item's metadata" : PropertyFor(key))} accordingly (docs/deploy.md lists every setting).");
    }
}
