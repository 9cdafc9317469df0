using System.Text.Json.Nodes;
using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.Framework;

namespace Release.Sdk.Gates.Tests.Framework;

public sealed class GatesConfigurationTests
{
    private static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    /// <summary>Every built-in kind, whether or not its gate is in this build's catalog yet.</summary>
    private static readonly string[] AllKinds = typeof(GateKinds).GetFields().Select(f => (string)f.GetValue(null)!).ToArray();

    private static (GatesOptions Options, IReadOnlyList<GateDefinition> Gates) Read(JsonObject? msbuild, JsonObject? releaserc) =>
        GatesConfiguration.Read(msbuild, releaserc, AllKinds);

    [Fact]
    public void Items_become_definitions_with_kind_defaults_groups_and_settings()
    {
        var (options, gates) = Read(Json("""
            { "mode": "report", "parallelism": "3", "timeout": "15m", "inNotes": "true", "baseDirectory": "/repo/src/App",
              "gates": [
                { "spec": "coverage", "path": "src/App/coverage", "threshold": "90" },
                { "spec": "lint", "command": "./eng/lint.sh", "timeout": "90s" },
                { "spec": "site", "kind": "Docs", "blocking": "false" },
                { "spec": "tests-serial", "kind": "command", "command": "x", "exclusiveGroup": "db" },
                { "spec": "cov2", "kind": "coverage", "exclusiveGroup": "none" }
              ] }
            """), null);

        Assert.Equal(new GatesOptions(GatesMode.Report, 3, TimeSpan.FromMinutes(15), true, null, null), options);
        Assert.Equal(["coverage", "lint", "site", "tests-serial", "cov2"], gates.Select(g => g.Name));
        Assert.Equal(["coverage", "command", "docs", "command", "coverage"], gates.Select(g => g.Kind));
        Assert.Equal([GateMetadata.ProjectBuildGroup, null, null, "db", null], gates.Select(g => g.ExclusiveGroup));
        Assert.Equal([true, true, false, true, true], gates.Select(g => g.Blocking));
        Assert.Equal(TimeSpan.FromSeconds(90), gates[1].Timeout);
        Assert.Equal(TimeSpan.FromMinutes(15), gates[0].Timeout);
        Assert.Equal("90", gates[0].Settings["Threshold"]);
        Assert.Equal("/repo/src/App", gates[0].Settings[GateMetadata.BaseDirectory]);
        Assert.False(gates[0].Settings.ContainsKey("path")); // the item writer's path of a gate name means nothing
    }

    [Fact]
    public void Defaults_when_nothing_is_set()
    {
        var (options, gates) = Read(null, null);

        Assert.Equal(GatesMode.Block, options.Mode);
        Assert.Equal(GatesOptions.StandardTimeout, options.DefaultTimeout);
        Assert.InRange(options.Parallelism, 1, 4);
        Assert.False(options.InNotes);
        Assert.Empty(gates);
    }

    [Fact]
    public void An_explicit_item_refines_the_property_enabled_built_in_of_the_same_name()
    {
        var (_, gates) = Read(Json("""
            { "gates": [
                { "spec": "coverage", "kind": "coverage", "threshold": "85", "source": "property" },
                { "spec": "coverage", "threshold": "92", "exclude": "**/Generated/*" }
              ] }
            """), null);

        var gate = Assert.Single(gates);
        Assert.Equal(("coverage", "92", "**/Generated/*"), (gate.Kind, gate.Settings["threshold"], gate.Settings["exclude"]));
    }

    [Fact]
    public void MSBuild_wins_over_releaserc_key_by_key_and_gate_by_gate()
    {
        var (options, gates) = Read(
            Json("""{ "mode": "block", "gates": [ { "spec": "docs", "warningsAsErrors": "false" } ] }"""),
            Json("""{ "mode": "report", "inNotes": true, "parallelism": 2, "gates": [ { "name": "docs", "config": "site/docfx.json" }, { "name": "lint", "command": "make lint" } ] }"""));

        Assert.Equal((GatesMode.Block, true, 2), (options.Mode, options.InNotes, options.Parallelism));
        Assert.Equal(["docs", "lint"], gates.Select(g => g.Name));
        Assert.Equal(("false", "site/docfx.json"), (gates[0].Settings["warningsAsErrors"], gates[0].Settings["config"]));
    }

    [Fact]
    public void Enabled_false_switches_a_gate_off()
    {
        var (_, gates) = Read(Json("""{ "gates": [ { "spec": "docs", "enabled": "false" }, { "spec": "lint", "command": "x", "enabled": "true" } ] }"""), null);

        Assert.Equal(["lint"], gates.Select(g => g.Name));
    }

    [Theory]
    [InlineData("""{ "gates": [ { "spec": "covrage" } ] }""", "RSDK5002", "kind 'covrage'")]
    [InlineData("""{ "gates": [ { "spec": "lint", "command": "a" }, { "spec": "lint", "command": "b" } ] }""", "RSDK5008", "named 'lint'")]
    [InlineData("""{ "mode": "warn" }""", "RSDK5003", "ReleaseGatesMode='warn'")]
    [InlineData("""{ "parallelism": "0" }""", "RSDK5003", "ReleaseGatesParallelism='0'")]
    [InlineData("""{ "timeout": "soon" }""", "RSDK5003", "ReleaseGateTimeout='soon' is not a duration")]
    [InlineData("""{ "gates": [ { "spec": "docs", "blocking": "maybe" } ] }""", "RSDK5003", "ReleaseGate 'docs' Blocking='maybe'")]
    [InlineData("""{ "gates": { "spec": "docs" } }""", "RSDK5004", "must be an array")]
    [InlineData("""{ "gates": [ { "kind": "docs" } ] }""", "RSDK5004", "a gate has no name")]
    public void Bad_configuration_is_a_coded_error_that_says_what_to_do(string json, string code, string says)
    {
        var error = Assert.Throws<ReleaseException>(() => Read(Json(json), null));

        Assert.Equal(code, error.Code);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("600", 600)]
    [InlineData("90s", 90)]
    [InlineData("2m", 120)]
    [InlineData("1h", 3600)]
    [InlineData("00:05:00", 300)]
    [InlineData("1.5m", 90)]
    public void Durations_are_seconds_or_suffixed_or_hh_mm_ss(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), GatesConfiguration.ParseTimeout(text, "t"));
}
