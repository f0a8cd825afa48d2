from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .health import OK, health_report


@require_GET
def home(request):
    return render(request, "home.html")


@never_cache
@require_GET
def health(request):
    """For load balancers, container health checks and monitoring.

    JSON with "database", "cache", "broker" and "worker", each "ok" or "fail", and an
    overall "status" (``mijnbuurt.core.health``); at most about a second, also while
    Redis hangs. The answer is 503 only when the database fails: without it no page
    works. Redis or the workers failing is 200 with status "degraded": pages still
    work (the cache degrades, e-mail waits in the outbox), and every web container
    shares the same Redis, so a load balancer taking them all out would only make
    things worse. Monitoring reads the JSON for those.
    """
    report = health_report()
    return JsonResponse(report, status=200 if report["database"] == OK else 503)
