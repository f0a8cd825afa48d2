"""The API's operations (django-ninja): one router per resource, errors as problems.

django-ninja generates the OpenAPI 3 description from the functions and their
pydantic schemas (``api.schemas``); ``api.http`` adds what every answer shares.
"""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from ..http import VERSION, problem
from . import (
    activities,
    areas,
    catalogue,
    figures,
    initiatives,
    listings,
    organisations,
    tasks,
    venues,
)


class PublicApi(NinjaAPI):
    def get_openapi_operation_id(self, operation) -> str:
        return operation.view_func.__name__


api = PublicApi(
    title="Mijn buurt Assen",
    version=VERSION,
    description=(
        "The public, read-only data of Mijn buurt Assen: initiatives, volunteer tasks, "
        "community buildings (with their occupancy), the social map, offers and requests, "
        "activities, figures per wijk and month, and the wijken and buurten of Assen. "
        "It follows the Dutch government's API Design Rules."
    ),
    urls_namespace="api-v1",
    openapi_url=None,
    docs_url=None,
)
api.add_router("/initiatives", initiatives.router, tags=["initiatives"])
api.add_router("/volunteer-tasks", tasks.router, tags=["volunteer tasks"])
api.add_router("/venues", venues.router, tags=["community buildings"])
api.add_router("/organisations", organisations.router, tags=["social map"])
api.add_router("/listings", listings.router, tags=["offers and requests"])
api.add_router("/activities", activities.router, tags=["activities"])
api.add_router("", areas.router, tags=["wijken and buurten"])
api.add_router("", figures.router, tags=["figures"])
api.add_router("", catalogue.router, tags=["catalogue"])


@api.exception_handler(ValidationError)
def invalid(request, exc: ValidationError):
    params = []
    for error in exc.errors:
        location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path")]
        params.append(
            {
                "name": ".".join(location) or "query",
                "code": error.get("type", "invalid"),
                "reason": error.get("msg", ""),
            }
        )
    return problem(request, 400, _("One or more parameters are not valid."), invalid_params=params)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    detail = str(exc) if exc.args else _("There is no resource at this address.")
    return problem(request, 404, detail)


@api.exception_handler(HttpError)
def http_error(request, exc: HttpError):
    return problem(request, exc.status_code, str(exc))


@api.exception_handler(Exception)
def server_error(request, exc: Exception):
    raise exc  # api.http.api_view logs it and answers a problem
