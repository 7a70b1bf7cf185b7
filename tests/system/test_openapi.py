"""The OpenAPI document is the contract for clients: every request and response body comes
with an example a reader can copy."""

from __future__ import annotations

from typing import Any

from leadwise.main import create_app

# OAuth2's password form is a standard, the same for every server; a file part has no example.
EXEMPT_REQUESTS = {("POST", "/api/v1/auth/login", "application/x-www-form-urlencoded")}


def _has_example(
    schema: dict[str, Any], components: dict[str, Any], seen: frozenset = frozenset()
) -> bool:
    if "example" in schema or "examples" in schema:
        return True
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return name not in seen and _has_example(components[name], components, seen | {name})
    if schema.get("format") == "binary":
        return True
    nested = [
        *schema.get("properties", {}).values(),
        *schema.get("anyOf", []),
        *schema.get("allOf", []),
        *schema.get("oneOf", []),
        *([schema["items"]] if "items" in schema else []),
    ]
    return any(_has_example(sub, components, seen) for sub in nested)


def test_every_body_has_an_example(tmp_path, monkeypatch):
    monkeypatch.setenv("LEADWISE_DATA_DIR", str(tmp_path))
    spec = create_app().openapi()
    components = spec["components"]["schemas"]
    missing = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            request = operation.get("requestBody", {}).get("content", {})
            for media_type, media in request.items():
                if (method.upper(), path, media_type) in EXEMPT_REQUESTS:
                    continue
                if not ("example" in media or _has_example(media.get("schema", {}), components)):
                    missing.append(f"request {method.upper()} {path} {media_type}")
            for status, response in operation.get("responses", {}).items():
                media = response.get("content", {}).get("application/json")
                if status.startswith("2") and media:
                    data = _data_schema(media.get("schema", {}), components)
                    if data is not None and not _has_example(data, components):
                        missing.append(f"response {status} {method.upper()} {path}")
    assert missing == [], "\n".join(missing)


def _data_schema(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any] | None:
    """What the envelope carries in `data` (the envelope's own fields are the same everywhere);
    None for an envelope without data (`"data": null`)."""
    if "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    properties = schema.get("properties", {})
    if "success" not in properties or "data" not in properties:
        return schema
    data: dict[str, Any] = properties["data"]
    return None if data.get("type") == "null" else data
