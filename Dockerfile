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
# procps: pgrep for the beat health check in docker-compose.yml. pg_dump and pg_restore
# (manage.py backup and restore): PostgreSQL's client tools of the compose file's server
# (postgres:16), from the PostgreSQL project's repository, its key shipped with Debian's
# postgresql-common; bookworm's own postgresql-client is 15, and pg_dump refuses a server
# newer than itself. Keep PG_CLIENT at the server's major version or newer.
ARG PG_CLIENT=16
RUN apt-get update \
 && apt-get install -y --no-install-recommends procps postgresql-common \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends "postgresql-client-${PG_CLIENT}" \
 && pg_dump --version && pg_restore --version \
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
