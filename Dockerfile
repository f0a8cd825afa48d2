# Production image: gunicorn serving Django, static files through whitenoise.
# Built in two stages: the first compiles the translations and builds the wheels (the
# project's, with its templates, static files, translations and data as package data,
# and its dependencies'); the second installs them, so the image runs the installed
# package, not a copy of the source tree.
FROM python:3.11-slim-bookworm AS build

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY . .
RUN find . -name '*.po' -path '*/LC_MESSAGES/*' \
      -exec sh -c 'msgfmt --check-format -o "${1%.po}.mo" "$1"' _ {} \; \
 && test -f mijnbuurt/locale/nl/LC_MESSAGES/django.mo \
 && pip wheel --wheel-dir /wheels .

FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=mijnbuurt.settings VAR_DIR=/app/var
# procps: pgrep for the beat health check in docker-compose.yml
RUN apt-get update \
 && apt-get install -y --no-install-recommends procps \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 mijnbuurt

COPY --from=build /wheels /wheels
RUN pip install --no-index --find-links /wheels mijnbuurt-assen \
 && rm -rf /wheels

WORKDIR /app
# manage.py only: the code is the installed package (python manage.py migrate, create_staff)
COPY manage.py ./
RUN DEBUG=false SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput \
 && mkdir -p /app/var/media \
 && chown -R mijnbuurt /app/var

USER mijnbuurt
EXPOSE 8000
# -c: access lines always; gunicorn's lines as JSON too with LOG_FORMAT=json
CMD ["gunicorn", "-c", "python:mijnbuurt.gunicorn_config", "mijnbuurt.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3"]
