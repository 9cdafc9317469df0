using Release.Sdk.Engine.Diagnostics;
using Release.Sdk.Gates.ApiCompat;

namespace Release.Sdk.Gates.Tests.ApiCompat;

public sealed class OpenApiDiffTests
{
    private static readonly string PreviousReleases = Path.Combine(AppContext.BaseDirectory, "samples", "analysis-gates", "webapi", "previous-releases");

    [Fact]
    public void The_sample_documents_generated_by_ApiDescription_Server_differ_as_the_sample_says()
    {
        var v100 = OpenApiDocument.Parse(File.ReadAllText(Path.Combine(PreviousReleases, "openapi-1.0.0.json")), "1.0.0");
        var v110 = OpenApiDocument.Parse(File.ReadAllText(Path.Combine(PreviousReleases, "openapi-1.1.0.json")), "1.1.0");

        var changes = OpenApiDiff.Compare(v100, v110);

        string[] expected =
        [
            "DELETE /orders/{id}: the operation was removed",
            "GET /orders: query parameter 'customer' is now required",
            "GET /orders: response 200[]: property 'note' was removed",
            "GET /orders/{id}: response 200: property 'note' was removed",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), changes.Select(c => c.Message).Order(StringComparer.Ordinal));
        Assert.All(changes, c => Assert.True(c.Breaking));
        Assert.Empty(OpenApiDiff.Compare(v110, v110));
    }

    [Fact]
    public void Removed_path_and_removed_parameter_are_breaking_new_optional_parameter_and_operation_are_not()
    {
        var before = Doc("""
            "/orders": { "get": { "parameters": [ { "name": "page", "in": "query" }, { "name": "size", "in": "query" } ], "responses": {} } },
            "/legacy": { "get": { "responses": {} } }
            """);
        var after = Doc("""
            "/orders": { "get": { "parameters": [ { "name": "page", "in": "query" }, { "name": "sort", "in": "query" } ], "responses": {} },
                         "post": { "responses": {} } }
            """);

        var changes = OpenApiDiff.Compare(before, after);

        Assert.Contains(changes, c => c is { Rule: "openapi-path-removed", Target: "GET /legacy", Breaking: true });
        Assert.Contains(changes, c => c is { Rule: "openapi-parameter-removed", Breaking: true } && c.Message == "GET /orders: query parameter 'size' was removed");
        Assert.Contains(changes, c => c is { Rule: "openapi-parameter-added", Breaking: false });
        Assert.Contains(changes, c => c is { Rule: "openapi-operation-added", Target: "POST /orders", Breaking: false });
    }

    [Fact]
    public void New_required_parameter_required_body_and_narrowed_type_are_breaking()
    {
        var before = Doc("""
            "/orders/{id}": { "put": { "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": ["integer", "string"] } } ],
                                       "requestBody": { "content": {} }, "responses": {} } }
            """);
        var after = Doc("""
            "/orders/{orderId}": { "put": { "parameters": [ { "name": "orderId", "in": "path", "required": true, "schema": { "type": "integer" } },
                                                            { "name": "X-Tenant", "in": "header", "required": true } ],
                                            "requestBody": { "required": true, "content": {} }, "responses": {} } }
            """);

        var changes = OpenApiDiff.Compare(before, after);

        // Renaming the path parameter ({id} → {orderId}) is not a removed operation or parameter.
        Assert.DoesNotContain(changes, c => c.Rule is "openapi-operation-removed" or "openapi-path-removed" or "openapi-parameter-removed");
        Assert.Contains(changes, c => c is { Rule: "openapi-required-parameter-added", Breaking: true } && c.Message.Contains("header parameter 'X-Tenant'", StringComparison.Ordinal));
        Assert.Contains(changes, c => c is { Rule: "openapi-request-body-now-required", Breaking: true });
    }

    [Fact]
    public void A_narrowed_parameter_type_and_a_removed_success_response_are_breaking()
    {
        var before = Doc("""
            "/items": { "get": { "parameters": [ { "name": "q", "in": "query", "schema": { "type": ["integer", "string"] } } ],
                                 "responses": { "200": { "content": { "application/json": { "schema": { "type": "array" } } } }, "404": {} } } }
            """);
        var after = Doc("""
            "/items": { "get": { "parameters": [ { "name": "q", "in": "query", "schema": { "type": "integer" } } ],
                                 "responses": { "204": {} } } }
            """);

        var changes = OpenApiDiff.Compare(before, after);

        Assert.Contains(changes, c => c.Message == "GET /items: query parameter 'q' no longer accepts string");
        Assert.Contains(changes, c => c.Message == "GET /items: response 200 was removed");
        Assert.DoesNotContain(changes, c => c.Message.Contains("404", StringComparison.Ordinal)); // error responses are not the contract
    }

    [Fact]
    public void Response_schemas_are_compared_through_component_references()
    {
        var before = Doc(""" "/a": { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/A" } } } } } } } """,
            """ "A": { "type": "object", "properties": { "id": { "type": "integer" }, "name": { "type": "string" } } } """);
        var after = Doc(""" "/a": { "get": { "responses": { "200": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/A2" } } } } } } } """,
            """ "A2": { "type": "object", "properties": { "id": { "type": ["integer", "null"] } } } """);

        var changes = OpenApiDiff.Compare(before, after);

        Assert.Contains(changes, c => c.Message == "GET /a: response 200: property 'name' was removed");
        Assert.Contains(changes, c => c.Message == "GET /a: response 200.id: type now also null (was integer)");
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("{\"paths\": {}}")]
    [InlineData("{\"openapi\": \"3.1.1\", \"paths\": []}")]
    [InlineData("<html>")]
    public void Documents_that_are_not_OpenAPI_are_a_coded_error(string json)
    {
        var error = Assert.Throws<ReleaseException>(() => OpenApiDocument.Parse(json, "prev.json"));

        Assert.Equal(DiagnosticCatalog.OpenApiDocumentInvalid, error.Descriptor);
        Assert.Contains("prev.json", error.Message, StringComparison.Ordinal);
    }

    private static OpenApiDocument Doc(string paths, string schemas = "") =>
        OpenApiDocument.Parse($$"""{ "openapi": "3.1.1", "paths": { {{paths}} }, "components": { "schemas": { {{schemas}} } } }""", "test");
}
