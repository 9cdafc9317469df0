namespace Release.Sdk.Engine.Versioning;

internal static class ChannelNames
{
    /// <summary>semantic-release's <c>isSameChannel</c>: equal, or both the default channel (null/empty).</summary>
    public static bool Same(string? a, string? b) => a == b || (string.IsNullOrEmpty(a) && string.IsNullOrEmpty(b));
}
