using System.Text.Json;
using System.Text.Json.Serialization;

namespace Release.Sdk.Router;

/// <summary>One backend the router may send to. <see cref="Draining"/> = no new requests (in-flight ones finish).</summary>
internal sealed record RouteDestination(string Name, string Group, string Version, string Address, bool Draining);

/// <summary>
/// What the admin API changed: destinations and the percent of traffic per version group. Read on every request by the
/// weighted policy (copy-on-write snapshots, so the hot path takes no lock), and saved to the state directory so a
/// restarted router comes back with the same backends.
/// </summary>
internal sealed class RouteTable
{
    private readonly object _gate = new();
    private readonly string? _file;
    private Snapshot _current = new(new Dictionary<string, RouteDestination>(StringComparer.Ordinal), new Dictionary<string, int>(StringComparer.Ordinal));

    public RouteTable(string? stateDirectory)
    {
        if (stateDirectory is null) return;
        _file = Path.Combine(stateDirectory, "routes.json");
        if (File.Exists(_file))
        {
            var saved = JsonSerializer.Deserialize(File.ReadAllText(_file), RouterJson.Default.SavedRoutes);
            if (saved is not null)
                _current = new Snapshot(saved.Destinations.ToDictionary(d => d.Name, StringComparer.Ordinal), new Dictionary<string, int>(saved.Weights, StringComparer.Ordinal));
        }
    }

    /// <summary>Raised after every change, outside the lock (YARP's configuration is rebuilt from it).</summary>
    public event Action? Changed;

    public Snapshot Current => Volatile.Read(ref _current);

    public void Upsert(RouteDestination destination) => Change(s => s.Destinations[destination.Name] = destination);

    public bool Remove(string name)
    {
        var removed = false;
        Change(s => removed = s.Destinations.Remove(name));
        return removed;
    }

    public bool SetDraining(string name, bool draining)
    {
        var found = false;
        Change(s =>
        {
            if (!s.Destinations.TryGetValue(name, out var d)) return;
            found = true;
            s.Destinations[name] = d with { Draining = draining };
        });
        return found;
    }

    public void SetWeights(IReadOnlyDictionary<string, int> percentByGroup) => Change(s =>
    {
        s.Weights.Clear();
        foreach (var (group, percent) in percentByGroup) s.Weights[group] = percent;
    });

    private void Change(Action<Snapshot> mutate)
    {
        lock (_gate)
        {
            var next = new Snapshot(
                new Dictionary<string, RouteDestination>(_current.Destinations, StringComparer.Ordinal),
                new Dictionary<string, int>(_current.Weights, StringComparer.Ordinal));
            mutate(next);
            Volatile.Write(ref _current, next);
            if (_file is not null)
            {
                var temp = _file + ".tmp";
                File.WriteAllText(temp, JsonSerializer.Serialize(new SavedRoutes([.. next.Destinations.Values], next.Weights), RouterJson.Default.SavedRoutes));
                File.Move(temp, _file, overwrite: true);
            }
        }
        Changed?.Invoke();
    }

    internal sealed record Snapshot(Dictionary<string, RouteDestination> Destinations, Dictionary<string, int> Weights)
    {
        public int WeightOf(string group) => Weights.TryGetValue(group, out var w) ? w : 0;
    }

    internal sealed record SavedRoutes(List<RouteDestination> Destinations, Dictionary<string, int> Weights);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(RouteTable.SavedRoutes))]
[JsonSerializable(typeof(AdminContracts.DestinationRequest))]
[JsonSerializable(typeof(AdminContracts.StatsResponse))]
[JsonSerializable(typeof(AdminContracts.DrainResponse))]
[JsonSerializable(typeof(AdminContracts.RouterInfo))]
[JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class RouterJson : JsonSerializerContext;
