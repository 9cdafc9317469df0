using System.Globalization;

namespace Release.Sdk.Engine.Notes;

/// <summary>
/// <c>String.prototype.localeCompare</c> as Node (full ICU, default locale en-US) evaluates it: ICU root collation,
/// which is what .NET's invariant culture uses on ICU. In .NET's globalization-invariant mode this degrades to ordinal
/// order, which differs for mixed case and punctuation (documented divergence).
/// </summary>
internal static class JsCollation
{
    private static readonly CompareInfo Root = CultureInfo.InvariantCulture.CompareInfo;

    public static int Compare(string? a, string? b) => Root.Compare(a ?? "", b ?? "", CompareOptions.None);
}
