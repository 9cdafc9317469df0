using Release.Sdk.Engine.Changelog;

namespace Release.Sdk.Engine.Tests.Changelog;

/// <summary>
/// Expected bytes captured from @semantic-release/changelog 6.0.3's lib/prepare.js (run from ../shared/peers with
/// node 20) for the same inputs; the cases are files the plugin itself would have written, where the layout must match.
/// </summary>
public sealed class PluginParityTests
{
    private const string Notes100 = "## 1.0.0 (2024-06-01)\n\n\n### Features\n\n* a\n\n";
    private const string Notes110Linked = "## [1.1.0](https://github.com/acme/widget/compare/v1.0.0...v1.1.0) (2024-06-02)\n\n\n### Features\n\n* b\n\n";
    private const string Notes110 = "## 1.1.0 (2024-06-02)\n\n* b\n";

    public static TheoryData<string, string?, string?, string, string, string> Cases => new()
    {
        { "new-no-title", null, null, Notes100, "1.0.0", "## 1.0.0 (2024-06-01)\n\n\n### Features\n\n* a\n" },
        { "new-title", null, "# Changelog", Notes100, "1.0.0", "# Changelog\n\n## 1.0.0 (2024-06-01)\n\n\n### Features\n\n* a\n" },
        {
            "prepend-no-title", "## 1.0.0 (2024-06-01)\n\n\n### Features\n\n* a\n", null, Notes110Linked, "1.1.0",
            "## [1.1.0](https://github.com/acme/widget/compare/v1.0.0...v1.1.0) (2024-06-02)\n\n\n### Features\n\n* b\n\n## 1.0.0 (2024-06-01)\n\n\n### Features\n\n* a\n"
        },
        {
            "prepend-title", "# Changelog\n\n## 1.0.0 (2024-06-01)\n\n\n### Features\n\n* a\n", "# Changelog", Notes110Linked, "1.1.0",
            "# Changelog\n\n## [1.1.0](https://github.com/acme/widget/compare/v1.0.0...v1.1.0) (2024-06-02)\n\n\n### Features\n\n* b\n\n## 1.0.0 (2024-06-01)\n\n\n### Features\n\n* a\n"
        },
        {
            "title-not-in-file", "## 1.0.0 (2024-06-01)\n\n* a\n", "# Changelog", Notes110, "1.1.0",
            "# Changelog\n\n## 1.1.0 (2024-06-02)\n\n* b\n\n## 1.0.0 (2024-06-01)\n\n* a\n"
        },
        { "empty-file", "", "# Changelog", Notes110, "1.1.0", "# Changelog\n\n## 1.1.0 (2024-06-02)\n\n* b\n" },
        { "title-only-file", "# Changelog\n", "# Changelog", Notes110, "1.1.0", "# Changelog\n\n## 1.1.0 (2024-06-02)\n\n* b\n" },
        {
            "multiline-title", "# Changelog\n\nAll notable changes.\n\n## 1.0.0 (2024-06-01)\n\n* a\n", "# Changelog\n\nAll notable changes.", Notes110, "1.1.0",
            "# Changelog\n\nAll notable changes.\n\n## 1.1.0 (2024-06-02)\n\n* b\n\n## 1.0.0 (2024-06-01)\n\n* a\n"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void LayoutIsTheChangelogPluginsByteForByte(string name, string? existing, string? title, string notes, string version, string expected)
    {
        var update = ChangelogWriter.Prepend(existing, notes, version, new ChangelogOptions(title));

        Assert.True(expected == update.NewContent, $"{name}:\nexpected:\n{expected}\nactual:\n{update.NewContent}");
        Assert.True(update.Changed);
        Assert.False(update.AlreadyPresent);
    }
}
