"""The API's own pages: its root, the OpenAPI description and the documentation page."""

import json
import re
from functools import cache, lru_cache

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from .endpoints import api
from .http import api_view

BASE = "/api/v1"
PROBLEM = "application/problem+json"
# Operations whose answer is not plain JSON.
MEDIA_TYPES = {
    "wijk_list": "application/geo+json",
    "wijk_detail": "application/geo+json",
    "buurt_list": "application/geo+json",
    "buurt_detail": "application/geo+json",
    "catalogue_jsonld": "application/ld+json",
}
VERSION_HEADER = {
    "description": "The full version of the API (semantic versioning).",
    "schema": {"type": "string", "example": "1.0.0"},
}


def _media_types(schema: dict) -> None:
    """Each answer under the media type it is sent as, and the headers it carries:
    errors as ``application/problem+json``, ``API-Version`` on every success."""
    for methods in schema["paths"].values():
        for operation in methods.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status.startswith(("4", "5")) and "application/json" in content:
                    content[PROBLEM] = content.pop("application/json")
                media_type = MEDIA_TYPES.get(operation.get("operationId"))
                if status == "200" and media_type and "application/json" in content:
                    content[media_type] = content.pop("application/json")
                if status.startswith("2"):
                    response.setdefault("headers", {})["API-Version"] = VERSION_HEADER


def _only_used_components(schema: dict) -> None:
    """Drop the component schemas nothing refers to (django-ninja keeps the parameter
    models there, though the parameters are described one by one)."""
    components = schema.get("components", {}).get("schemas", {})
    used: set[str] = set()
    found = set(re.findall(r"#/components/schemas/(\w+)", json.dumps(schema["paths"])))
    while found - used:
        name = (found - used).pop()
        used.add(name)
        found |= set(re.findall(r"#/components/schemas/(\w+)", json.dumps(components[name])))
    for name in set(components) - used:
        del components[name]


def _tags(schema: dict) -> None:
    """Every tag an operation uses, in the order they first appear."""
    names = []
    for methods in schema["paths"].values():
        for operation in methods.values():
            names += [tag for tag in operation.get("tags", []) if tag not in names]
    schema["tags"] = [{"name": name} for name in names]


@cache
def _query_names() -> dict[str, frozenset]:
    schema = api.get_openapi_schema(path_prefix="")
    return {
        operation["operationId"]: frozenset(
            parameter["name"]
            for parameter in operation.get("parameters", [])
            if parameter["in"] == "query"
        )
        for methods in schema["paths"].values()
        for operation in methods.values()
    }


def query_names(operation_id: str) -> frozenset:
    """The query parameters an operation knows (from its description)."""
    return _query_names().get(operation_id, frozenset())


def openapi_schema() -> dict:
    """The OpenAPI 3 description, paths relative to the server ``/api/v1`` (built once
    per process and language: building it takes about 100 ms; do not change it)."""
    return _openapi_schema(get_language())


@lru_cache(maxsize=8)
def _openapi_text(language: str) -> str:
    return json.dumps(_openapi_schema(language), ensure_ascii=False, default=str)


@lru_cache(maxsize=8)
def _openapi_schema(language: str) -> dict:
    schema = json.loads(json.dumps(api.get_openapi_schema(path_prefix=""), default=str))
    _media_types(schema)
    _only_used_components(schema)
    _tags(schema)
    schema["servers"] = [{"url": BASE}]
    schema["info"] = {
        **schema["info"],
        "contact": {"name": "Gemeente Assen", "url": "https://www.assen.nl"},
        "license": {
            "name": "CC0 1.0",
            "url": "https://creativecommons.org/publicdomain/zero/1.0/",
        },
    }
    return schema


@api_view
def openapi_json(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_openapi_text(get_language()), content_type="application/json")


@api_view
def root(request: HttpRequest) -> HttpResponse:
    """Links to the resources and to the descriptions."""
    names = [path.strip("/") for path in openapi_schema()["paths"] if "{" not in path]
    links = {name: {"href": request.build_absolute_uri(f"{BASE}/{name}")} for name in names}
    links["self"] = {"href": request.build_absolute_uri(BASE)}
    links["openapi"] = {"href": request.build_absolute_uri(reverse("api:openapi"))}
    links["docs"] = {"href": request.build_absolute_uri(reverse("api:docs"))}
    return JsonResponse({"_links": links})


def operations(schema: dict) -> list[dict]:
    """Each GET of the description with its parameters, for the documentation page."""
    found = []
    for path, methods in schema["paths"].items():
        operation = methods.get("get")
        if not operation:
            continue
        parameters = [
            {
                "name": parameter["name"],
                "where": parameter["in"],
                "required": parameter.get("required", False),
                "description": parameter.get("description")
                or parameter.get("schema", {}).get("description", ""),
                "values": _values(parameter.get("schema", {}), schema),
            }
            for parameter in operation.get("parameters", [])
        ]
        example = BASE + path.replace("{id}", "1").replace("{slug}", "buurthuis")
        if path.endswith("/occupancy"):
            example += "?date=2026-12-01"
        example = example.replace("{code}", "WK010600")
        found.append(
            {
                "path": BASE + path,
                "summary": operation.get("summary", ""),
                "description": operation.get("description", ""),
                "tags": operation.get("tags", []),
                "parameters": parameters,
                "example": example,
            }
        )
    return found


def _values(parameter_schema: dict, schema: dict) -> list[str]:
    """The allowed values of an enumerated parameter (following a $ref)."""
    for option in [parameter_schema, *parameter_schema.get("anyOf", [])]:
        if "$ref" in option:
            name = option["$ref"].rsplit("/", 1)[-1]
            option = schema.get("components", {}).get("schemas", {}).get(name, {})
        if option.get("enum"):
            return [str(value) for value in option["enum"]]
    return []


@api_view
def docs(request: HttpRequest) -> HttpResponse:
    """The documentation for people: every resource, its parameters and an example."""
    schema = openapi_schema()
    return render(
        request,
        "api/docs.html",
        {
            "version": schema["info"]["version"],
            "operations": operations(schema),
            "base": request.build_absolute_uri(BASE),
        },
    )
