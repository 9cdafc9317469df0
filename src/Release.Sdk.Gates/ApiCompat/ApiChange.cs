namespace Release.Sdk.Gates.ApiCompat;

/// <summary>
/// One difference between the previous release's API and this one: <paramref name="Rule"/> is the ApiCompat code
/// (CP0002, PKV006…) or an OpenAPI rule (openapi-path-removed…), <paramref name="Target"/> what it is about
/// (a member, "GET /orders/{id}"), <paramref name="Breaking"/> whether an existing caller can break.
/// </summary>
internal sealed record ApiChange(string Rule, string Target, string Message, bool Breaking);
