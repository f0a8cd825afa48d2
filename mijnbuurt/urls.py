import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path

from mijnbuurt.core import views as core_views
from mijnbuurt.core.media import public_media

urlpatterns = [
    path("admin/rapportages/", include("reports.urls")),
    path("admin/", admin.site.urls),
    path("health/", core_views.health, name="health"),
    # The public read-only API (api/urls.py): /api/v1/..., outside the language prefix.
    path("api/", include("api.urls")),
]

urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("mijn-buurt/", core_views.start, name="start"),
    path("toegankelijkheid/", core_views.accessibility, name="accessibility"),
    # Inside the language prefix, so that /en/i18n/setlang/ can translate /en/... URLs.
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("profiel/meldingen/", include("mijnbuurt.notifications.urls")),
    path("profiel/", include("mijnbuurt.accounts.urls")),
    path("", include("neighbourhoods.urls")),
    path("", include("helprequests.urls")),  # /hulpvragen/ and /team/
    path("locaties/", include("venues.urls")),
    path("initiatieven/", include("initiatives.urls")),
    path("vrijwilligerswerk/", include("volunteers.urls")),
    path("vraag-en-aanbod/", include("exchange.urls")),
    path("activiteiten/", include("activities.urls")),
    path("buurtbudget/", include("buurtbudget.urls")),
    path("proeven/", include("reports.pilots.urls")),
    prefix_default_language=False,
)

# Uploaded files, also with DEBUG off, each only while its object may be seen
# (mijnbuurt.core.media). A MEDIA_URL on another host (object storage) is not routed.
if settings.MEDIA_URL.startswith("/"):
    media_prefix = re.escape(settings.MEDIA_URL.lstrip("/"))
    urlpatterns += [re_path(rf"^{media_prefix}(?P<name>.+)\Z", public_media, name="media")]
