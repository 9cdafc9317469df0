using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Release.Sdk.TestKit;

namespace Release.Sdk.Publish.Tests.NuGet;

/// <summary>One request the server saw, with the package it carried (null when none could be read).</summary>
internal sealed record PushRequest(string Method, string Path, string? ApiKey, string? ContentType, string? PackageId, string? PackageVersion, int Status);

/// <summary>
/// Contract test server for NuGet's documented push protocol, on 127.0.0.1: a V3 service index listing the
/// PackagePublish/2.0.0 resource (and SymbolPackagePublish/4.9.0), `PUT` of a multipart/form-data body whose first part
/// is the package, the API key in the X-NuGet-ApiKey header; 201 Created (or 202 Accepted) on success, 401 for a wrong
/// key, 400 for a body that is not a package, 409 Conflict for an id and version already there.
/// </summary>
internal sealed class NuGetPushServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly HashSet<string> _stored = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<PushRequest> _requests = [];
    private readonly Task _loop;

    public NuGetPushServer(string apiKey, bool symbols = true, HttpStatusCode success = HttpStatusCode.Created)
    {
        ApiKey = apiKey;
        Symbols = symbols;
        Success = success;
        var started = LoopbackPorts.StartHttpListener();
        _listener = started.Listener;
        Port = started.Port;
        _loop = Task.Run(ServeAsync);
    }

    public string ApiKey { get; }

    public bool Symbols { get; }

    public HttpStatusCode Success { get; }

    public int Port { get; }

    public string ServiceIndex => $"http://127.0.0.1:{Port}/v3/index.json";

    public IReadOnlyList<PushRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    public IReadOnlyList<PushRequest> Puts => Requests.Where(r => r.Method == "PUT").ToList();

    /// <summary>A nuget.config that lets NuGet talk plain HTTP to this server (NuGet refuses HTTP sources otherwise).</summary>
    public string NuGetConfig(string? name = "contract") => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <clear />
            <add key="{name}" value="{ServiceIndex}" allowInsecureConnections="true" />
          </packageSources>
        </configuration>
        """;

    public void Dispose()
    {
        _listener.Shutdown();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            try
            {
                Handle(context);
            }
            catch (Exception e) when (e is HttpListenerException or IOException)
            {
                // the client went away; the next request is served anyway
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath.TrimEnd('/');
        if (request.HttpMethod == "GET" && path == "/v3/index.json")
        {
            Record(request, null, 200);
            Respond(context, 200, ServiceIndexJson());
            return;
        }
        if (request.HttpMethod == "PUT" && (path == "/api/v2/package" || (Symbols && path == "/api/v2/symbolpackage")))
        {
            Respond(context, Push(request, path), "");
            return;
        }
        Record(request, null, 404);
        Respond(context, 404, "");
    }

    private int Push(HttpListenerRequest request, string path)
    {
        using var body = new MemoryStream();
        request.InputStream.CopyTo(body);
        var package = ReadPackage(request.ContentType, body.ToArray());
        var status = request.Headers["X-NuGet-ApiKey"] != ApiKey ? 401
            : package is null ? 400
            : !_stored.Add($"{path}|{package.Value.Id}|{package.Value.Version}") ? 409
            : (int)Success;
        Record(request, package, status);
        return status;
    }

    private void Record(HttpListenerRequest request, (string Id, string Version)? package, int status)
    {
        lock (_requests)
            _requests.Add(new PushRequest(request.HttpMethod, request.Url!.AbsolutePath, request.Headers["X-NuGet-ApiKey"], request.ContentType, package?.Id, package?.Version, status));
    }

    private string ServiceIndexJson()
    {
        var resources = new JsonArray
        {
            new JsonObject { ["@id"] = $"http://127.0.0.1:{Port}/api/v2/package", ["@type"] = "PackagePublish/2.0.0" },
        };
        if (Symbols) resources.Add(new JsonObject { ["@id"] = $"http://127.0.0.1:{Port}/api/v2/symbolpackage", ["@type"] = "SymbolPackagePublish/4.9.0" });
        return new JsonObject { ["version"] = "3.0.0", ["resources"] = resources }.ToJsonString();
    }

    private static void Respond(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        if (bytes.Length > 0) context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }

    /// <summary>The id and version of the package in the body's first multipart/form-data part, or null.</summary>
    private static (string Id, string Version)? ReadPackage(string? contentType, byte[] body)
    {
        if (contentType is null || !contentType.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)) return null;
        var boundary = contentType.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("boundary=", StringComparison.OrdinalIgnoreCase))?["boundary=".Length..].Trim('"');
        if (string.IsNullOrEmpty(boundary)) return null;
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var start = body.AsSpan().IndexOf(delimiter);
        if (start < 0) return null;
        var afterDelimiter = start + delimiter.Length;
        var headersEnd = body.AsSpan(afterDelimiter).IndexOf("\r\n\r\n"u8);
        if (headersEnd < 0) return null;
        var contentStart = afterDelimiter + headersEnd + 4;
        var contentLength = body.AsSpan(contentStart).IndexOf([.. "\r\n"u8, .. delimiter]);
        if (contentLength < 0) return null;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(body, contentStart, contentLength), ZipArchiveMode.Read);
            var nuspec = zip.Entries.First(e => e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            using var stream = nuspec.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().First(e => e.Name.LocalName == "metadata");
            return (metadata.Elements().First(e => e.Name.LocalName == "id").Value, metadata.Elements().First(e => e.Name.LocalName == "version").Value);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            return null;
        }
    }
}
