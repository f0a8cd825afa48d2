"""The API's own pages: its root, the OpenAPI description and the documentation page."""

import json

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse

from .endpoints import api
from .http import api_view

BASE = "/api/v1"


def openapi_schema() -> dict:
    """The OpenAPI 3 description, paths relative to the server ``/api/v1``."""
    schema = dict(api.get_openapi_schema(path_prefix=""))
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
    return HttpResponse(
        json.dumps(openapi_schema(), ensure_ascii=False, default=str),
        content_type="application/json",
    )


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
