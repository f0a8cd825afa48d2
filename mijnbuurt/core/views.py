from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from mijnbuurt.accounts.models import User

from . import accessibility as statement
from .health import OK, health_report
from .panels import panels_for
from .start import SLOTS, remember_roles


@require_GET
def home(request):
    """The public home; a logged-in person goes to their start page "Mijn buurt"."""
    if request.user.is_authenticated:
        return redirect("start")
    return render(request, "home.html")


@require_GET
def accessibility(request):
    """The accessibility statement (toegankelijkheidsverklaring), in the structure of the
    Dutch model statement; what was checked and when comes from ``core.accessibility``."""
    return render(
        request,
        "accessibility.html",
        {
            "statement": statement,
            "contact_email": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "site_url": settings.SITE_URL,
        },
    )


@login_required
@require_GET
def start(request):
    """Mijn buurt: the person's neighbourhood, their own things and their work
    (``mijnbuurt.core.start``); each panel a fixed number of queries."""
    # The panels read the home buurt and its wijk: one query for all of them.
    user = User.objects.select_related("home_neighbourhood__wijk").get(pk=request.user.pk)
    remember_roles(request, user)
    sections = {
        slot.removeprefix("start."): panels_for(slot, user, request=request) for slot in SLOTS
    }
    return render(request, "start/start.html", {"sections": sections})


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
