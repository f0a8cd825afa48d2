"""WSGI entry point (gunicorn mijnbuurt.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mijnbuurt.settings")

application = get_wsgi_application()
