"""/api/v1: the operations of ``api.endpoints`` and the API's own pages, each wrapped in
``api.http.api_view``; any other path under /api/v1/ is a problem+json 404."""

from functools import partial

from django.urls import path, re_path

from . import views
from .endpoints import api
from .http import api_view, not_found

app_name = "api"

_patterns, _, _ = api.urls
operations = [
    path(
        f"v1/{pattern.pattern}",
        api_view(pattern.callback, params=partial(views.query_names, pattern.name)),
        name=pattern.name,
    )
    for pattern in _patterns
    if pattern.name != "api-root"
]

urlpatterns = [
    path("v1", views.root, name="root"),
    path("v1/openapi.json", views.openapi_json, name="openapi"),
    path("v1/docs", views.docs, name="docs"),
    *operations,
    re_path(r"^(?P<rest>.*)$", not_found, name="not_found"),
]
