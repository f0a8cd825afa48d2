"""A bare Django site: the floor that ``manage.py bench_pages`` measures every page against.

Same Django, same gunicorn, one small template, no database, no middleware. Served by
``gunicorn 'django.core.wsgi:get_wsgi_application()'`` with
``DJANGO_SETTINGS_MODULE=mijnbuurt.core.bare_page``.
"""

from django.urls import path

SECRET_KEY = "bare-page-holds-no-secrets"  # noqa: S105 - serves one static page
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = __name__
INSTALLED_APPS: list[str] = []
MIDDLEWARE: list[str] = []
USE_I18N = False
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {
                        "bare.html": (
                            '<!doctype html><html lang="nl"><title>{{ title }}</title>'
                            "<h1>{{ title }}</h1><p>{{ text }}</p></html>"
                        )
                    },
                )
            ]
        },
    }
]


def bare(request):
    from django.shortcuts import render

    return render(request, "bare.html", {"title": "Mijn buurt Assen", "text": "Hallo Assen"})


urlpatterns = [path("", bare)]
