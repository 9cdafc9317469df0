using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Release.Sdk.Notify.Sending;

namespace Release.Sdk.Notify.Notifiers;

/// <summary>One HTTP request of a notifier, with the failure classification every HTTP notifier shares: 5xx, 408, 429 and network errors are transient.</summary>
internal static class HttpDelivery
{
    private static readonly ProductInfoHeaderValue UserAgent = new("Release.Sdk", typeof(HttpDelivery).Assembly.GetName().Version?.ToString(3) ?? "1.0");

    public static HttpRequestMessage Json(HttpMethod method, string url, JsonNode body) => Json(method, url, body.ToJsonString());

    public static HttpRequestMessage Json(HttpMethod method, string url, string body)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.UserAgent.Add(UserAgent);
        return request;
    }

    /// <summary>Sends; returns the body of a 2xx answer, throws <see cref="NotifierException"/> otherwise.</summary>
    /// <param name="what">Names the destination in errors ("Slack chat.postMessage"); never the URL, which may hold a secret.</param>
    public static async Task<string> SendAsync(HttpClient http, HttpRequestMessage request, string what, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new NotifierException($"{what} could not be reached: {e.Message}", transient: true, inner: e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode) return body;
            var status = response.StatusCode;
            var transient = (int)status >= 500 || status is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout;
            throw new NotifierException($"{what} answered HTTP {(int)status} {response.ReasonPhrase}{Excerpt(body)}", transient, RetryAfter(response));
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>The start of an error body: services explain refusals there ("invalid_token", "no_service").</summary>
    public static string Excerpt(string body)
    {
        var text = body.Trim().ReplaceLineEndings(" ");
        if (text.Length == 0) return "";
        return text.Length <= 300 ? $": {text}" : $": {text[..300]}…";
    }
}
