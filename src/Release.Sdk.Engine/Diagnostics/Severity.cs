namespace Release.Sdk.Engine.Diagnostics;

internal enum Severity
{
    Message,
    Warning,
    Error,
}
