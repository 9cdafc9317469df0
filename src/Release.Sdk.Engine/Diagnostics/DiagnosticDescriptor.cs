namespace Release.Sdk.Engine.Diagnostics;

/// <summary>A coded diagnostic: code (RSDKnnnn), default severity, a short title and the docs page it links to.</summary>
internal sealed record DiagnosticDescriptor(string Code, Severity Severity, string Title)
{
    public string HelpLink => $"https://github.com/release-sdk/release-sdk/blob/main/docs/diagnostics/{Code}.md";
}
