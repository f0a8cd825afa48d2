# Production image: gunicorn serving Django, static files through whitenoise.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends gettext \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --create-home --uid 1000 mijnbuurt

WORKDIR /app
COPY pyproject.toml README.md ./
COPY . .
RUN pip install . \
 && DEBUG=false SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=build \
    python manage.py compilemessages --ignore=.venv \
 && DEBUG=false SECRET_KEY=build-only-not-secret ALLOWED_HOSTS=build \
    python manage.py collectstatic --noinput \
 && chown -R mijnbuurt /app/var

USER mijnbuurt
EXPOSE 8000
CMD ["gunicorn", "mijnbuurt.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
