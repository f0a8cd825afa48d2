from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from mijnbuurt.core import views as core_views

urlpatterns = [
    path("admin/rapportages/", include("reports.urls")),
    path("admin/", admin.site.urls),
    path("health/", core_views.health, name="health"),
]

urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
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
    prefix_default_language=False,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
