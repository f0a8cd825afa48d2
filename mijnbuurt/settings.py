"""Settings for Mijn buurt Assen, read from the environment (12-factor).

Every variable has a safe development default so that a fresh checkout runs with
no services at all (SQLite, eager Celery, e-mail on the console). Production sets
DEBUG=false and must then provide a real SECRET_KEY and ALLOWED_HOSTS; see
`.env.example` for the full list.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from mijnbuurt.core.log import LOG_FILTERS, log_format
from mijnbuurt.core.object_storage import s3_public_url, s3_storages
from mijnbuurt.core.redis import redis_cache

BASE_DIR = Path(__file__).resolve().parent.parent
# Templates, static files and translations shared by every app live in the project
# package, so that they ship in the wheel (pyproject.toml, package data).
PROJECT_DIR = Path(__file__).resolve().parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)
# Writable files (SQLite, collected static files, uploads): var/ in a checkout; an
# installed package sets VAR_DIR (the Docker image uses /app/var).
VAR_DIR = Path(env.str("VAR_DIR", default=str(BASE_DIR / "var")))


def env_bool(name: str, *, default: bool) -> bool:
    """A boolean variable; anything but a clear yes or no stops the start."""
    raw = env.str(name, default=str(default)).strip().lower()
    if raw in {"1", "true", "yes", "on"}:
        return True
    if raw in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use true or false.")


DEVELOPMENT_SECRET_KEY = "development-only-secret-key-never-use-in-production"  # noqa: S105

# Off unless asked for: `make run` and the tests turn it on explicitly.
DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default=DEVELOPMENT_SECRET_KEY)
if not DEBUG and SECRET_KEY == DEVELOPMENT_SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set to a real secret when DEBUG is off.")
ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "mijnbuurt.core.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    # Sign-in through the municipality's identity provider; off without OIDC_ISSUER.
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_filters",
    "leaflet",
    "csp",
    "phonenumber_field",
    "rules.apps.AutodiscoverRulesConfig",
    # The platform core, then the domain apps in dependency order (DESIGN.md).
    "mijnbuurt.core",
    "mijnbuurt.accounts",
    "mijnbuurt.notifications",
    "neighbourhoods",
    "helprequests",
    "initiatives",
    "volunteers",
    "venues",
    "exchange",
    "activities",
    "buurtbudget",
    "reports",
    # The public read-only API under /api/v1/ (reads every app; nothing imports it).
    "api",
]

MIDDLEWARE = [
    # First: every log line of a request carries its id (mijnbuurt/core/log.py).
    "mijnbuurt.core.log.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Public pages for anonymous visitors from the cache (mijnbuurt/core/page_cache.py).
    "mijnbuurt.core.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "mijnbuurt.core.mfa.MFASetupRequiredMiddleware",
]

ROOT_URLCONF = "mijnbuurt.urls"
WSGI_APPLICATION = "mijnbuurt.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mijnbuurt.core.context_processors.site",
                "mijnbuurt.notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# Form fields render with the NL Design System classes (templates/django/forms/).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Data stores -----------------------------------------------------------------

VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # A database that does not answer fails a request (and /health/) within seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "connect_timeout", env.int("DATABASE_CONNECT_TIMEOUT", default=5)
    )
else:
    # Wait for a lock instead of failing at once; IMMEDIATE makes writes serialise.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
# Redis may stop or hang; no request waits on it for more than about a second.
REDIS_TIMEOUT_SECONDS = 1
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # every skipped cache command is logged
DJANGO_REDIS_LOGGER = "mijnbuurt.cache"
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL, timeout=REDIS_TIMEOUT_SECONDS)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Public pages as anonymous visitors see them are served from the cache
# (mijnbuurt/core/page_cache.py): until a model changes (of any app but those of
# PAGE_CACHE_IGNORED_APPS, which no public page shows), and for at most
# PAGE_CACHE_SECONDS (what changes with the clock alone); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
PAGE_CACHE_VIEWS = [
    "home",
    "neighbourhoods:wijken",
    "neighbourhoods:detail",
    "neighbourhoods:map",
    "neighbourhoods:layer",
    "neighbourhoods:organisations",
    "neighbourhoods:organisation",
    "initiatives:list",
    "initiatives:detail",
    "initiatives:knowledge",
    "volunteers:list",
    "volunteers:task",
    "venues:list",
    "venues:detail",
    "exchange:list",
    "exchange:detail",
    "activities:list",
    "activities:detail",
    "buurtbudget:list",
    "buurtbudget:detail",
    "buurtbudget:proposals",
    "buurtbudget:proposal",
]
PAGE_CACHE_IGNORED_APPS = [
    *("admin", "auth", "contenttypes", "sessions", "account", "mfa", "socialaccount"),
    *("notifications", "helprequests"),
]
# Models of the other apps that no public page shows: what people write each other,
# reports, blocks and preferences in Vraag en aanbod; letter codes, voters, baskets and
# votes of the buurtbudget (its results page is not a stored page).
PAGE_CACHE_IGNORED_MODELS = [
    *("exchange.Message", "exchange.Report", "exchange.ConversationAccess"),
    *("exchange.Block", "exchange.Preference"),
    *("buurtbudget.LetterCode", "buurtbudget.Voter", "buurtbudget.BallotItem", "buurtbudget.Vote"),
]

# --- Celery: Redis as broker when configured, otherwise run tasks in-process -------

CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Europe/Amsterdam"
# Tasks are fire-and-forget: nobody waits for a result, so publishing never subscribes
# to a result channel (the health check's task asks for its result explicitly).
CELERY_TASK_IGNORE_RESULT = True
CELERY_RESULT_EXPIRES = 3600
CELERY_REDIS_SOCKET_TIMEOUT = REDIS_TIMEOUT_SECONDS
CELERY_REDIS_SOCKET_CONNECT_TIMEOUT = REDIS_TIMEOUT_SECONDS
# A task is acknowledged when done; a worker that dies mid-task gives it back (a lost
# child at once, a killed worker after the visibility timeout). Tasks are safe to run
# twice, and no task waits longer than the timeout (retries back off at most 240 s).
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT_SECONDS
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
    # Web processes only publish; workers raise this for their blocking reads
    # (mijnbuurt/celery.py).
    "socket_timeout": REDIS_TIMEOUT_SECONDS,
    "visibility_timeout": 5 * 60,
}
# Publishing tries once: when Redis is down or hung the request goes on after about a
# second, notifications stay pending in the database and the sweeper (every minute,
# mijnbuurt/schedules.py) enqueues them once Redis answers again.
CELERY_TASK_PUBLISH_RETRY = False
# The sweeper (mijnbuurt/schedules.py) runs every NOTIFICATION_SWEEP_EVERY_SECONDS and
# enqueues again each notification and e-mail still pending after
# NOTIFICATION_SWEEP_AFTER_SECONDS: one held up by Redis, a killed worker or an SMTP
# outage goes out at most their sum (two minutes) after it was written or after the
# outage ended.
NOTIFICATION_SWEEP_EVERY_SECONDS = env.int("NOTIFICATION_SWEEP_EVERY_SECONDS", default=60)
NOTIFICATION_SWEEP_AFTER_SECONDS = env.int("NOTIFICATION_SWEEP_AFTER_SECONDS", default=60)

# --- E-mail ------------------------------------------------------------------------

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Mijn buurt Assen <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where the accessibility statement (/toegankelijkheid/) sends people with a problem.
ACCESSIBILITY_CONTACT_EMAIL = env.str(
    "ACCESSIBILITY_CONTACT_EMAIL", default="toegankelijkheid@assen.nl"
)
# A hung mail server holds a worker this many seconds at most; the sweeper tries again.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)

# --- Accounts: custom user, django-allauth with e-mail login and TOTP -------------

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "start"

ACCOUNT_ADAPTER = "mijnbuurt.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "mijnbuurt.accounts.forms.SignupNameForm"  # and a name
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Mijn buurt Assen] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_RATE_LIMITS = {
    # allauth's own limits, kept on; sign-up and login made explicit.
    "signup": "20/m/ip",
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/3m/key",
    "change_email": "1/m/user",
}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Mijn buurt Assen"

# --- Sign-in through the municipality's identity provider (OpenID Connect) ----------
# Off unless OIDC_ISSUER is set: then staff and area-team professionals who already
# have an account can sign in through it ("Inloggen via OIDC_NAME"); nobody gets an
# account through it (mijnbuurt/accounts/oidc.py has the rules). The IdP redirects back
# to SITE_URL/accounts/oidc/gemeente/login/callback/ (and /en/accounts/... in English).
OIDC_ISSUER = env.str("OIDC_ISSUER", default="").rstrip("/")
OIDC_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
OIDC_NAME = env.str("OIDC_NAME", default="Gemeente Assen")
# An e-mail address counts as verified when the IdP says so (email_verified) or, for
# an IdP that does not send that claim, when its domain is one of these ("assen.nl").
OIDC_VERIFIED_EMAIL_DOMAINS = env.list("OIDC_VERIFIED_EMAIL_DOMAINS", default=[])
# Groups: the claim holding them ("groups"; empty: groups are not read) and what each
# value means, "value=gemeente" (member of the staff group) or "value=" (may sign in,
# no group). With a claim set, a sign-in without any value of the map is refused and
# membership of the staff group follows the IdP at each sign-in. Never a superuser.
OIDC_GROUP_CLAIM = env.str("OIDC_GROUP_CLAIM", default="")
OIDC_GROUP_MAP = env.dict("OIDC_GROUP_MAP", default={})
if any(target not in {"gemeente", ""} for target in OIDC_GROUP_MAP.values()):
    raise ImproperlyConfigured(
        f"OIDC_GROUP_MAP={OIDC_GROUP_MAP!r}: each value maps to gemeente or to nothing."
    )
if OIDC_GROUP_CLAIM and not OIDC_GROUP_MAP:
    raise ImproperlyConfigured("OIDC_GROUP_CLAIM is set: OIDC_GROUP_MAP must name the groups.")
# The IdP's own strong sign-in stands in for TOTP when its ID token names one of these
# acr values or one of these amr methods (RFC 8176: mfa, otp, hwk, ...). Empty: staff
# and professionals still need the platform's TOTP after signing in through the IdP.
OIDC_MFA_ACR_VALUES = env.list("OIDC_MFA_ACR_VALUES", default=[])
OIDC_MFA_AMR_VALUES = env.list("OIDC_MFA_AMR_VALUES", default=[])
# Logging out also ends the session at the IdP (its end_session_endpoint), which must
# accept SITE_URL/ as the post-logout redirect.
OIDC_LOGOUT_AT_PROVIDER = env_bool("OIDC_LOGOUT_AT_PROVIDER", default=False)


def oidc_providers(
    *, issuer: str, client_id: str, secret: str, name: str, verified_email_domains, acr_values
) -> dict:
    """django-allauth's SOCIALACCOUNT_PROVIDERS for the one identity provider."""
    app_settings = {"server_url": issuer, "verified_email": list(verified_email_domains)}
    if acr_values:
        app_settings["auth_params"] = {"acr_values": " ".join(acr_values)}
    app = {"provider_id": "gemeente", "name": name, "client_id": client_id, "secret": secret}
    return {"openid_connect": {"APPS": [app | {"settings": app_settings}]}}


SOCIALACCOUNT_ADAPTER = "mijnbuurt.accounts.adapter.SocialAccountAdapter"
SOCIALACCOUNT_PROVIDERS = {}
if OIDC_ISSUER:
    if not (OIDC_CLIENT_ID and OIDC_CLIENT_SECRET):
        raise ImproperlyConfigured("OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.")
    SOCIALACCOUNT_PROVIDERS = oidc_providers(
        issuer=OIDC_ISSUER,
        client_id=OIDC_CLIENT_ID,
        secret=OIDC_CLIENT_SECRET,
        name=OIDC_NAME,
        verified_email_domains=OIDC_VERIFIED_EMAIL_DOMAINS,
        acr_values=OIDC_MFA_ACR_VALUES,
    )
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # accounts are linked by the rules in oidc.py
SOCIALACCOUNT_STORE_TOKENS = False

# --- Rate limits -------------------------------------------------------------------------
# Everything that sends a message or e-mail to other people, or is costly, is limited
# (mijnbuurt/core/ratelimit.py: a view takes its rule with @limit("<rule>")). A rule is
# one or more rates "count/period/per": period s, m, h or d (5m: five minutes), counted
# per user or per client IP. Only POSTs count. Each rule can be set from the
# environment as RATE_LIMIT_<RULE>, e.g. RATE_LIMIT_MESSAGES=10/m/user,100/h/user.


def env_rates(name: str, *, default: str) -> str:
    """Rates like "10/m/user,100/h/ip"; anything else stops the start."""
    value = env.str(name, default=default).replace(" ", "")
    for part in value.split(","):
        count, _, rest = part.partition("/")
        period, _, per = rest.partition("/")
        if not (
            count.isdigit()
            and period[-1:] in {"s", "m", "h", "d"}
            and (period[:-1] == "" or period[:-1].isdigit())
            and per in {"user", "ip"}
        ):
            raise ImproperlyConfigured(
                f"{name}={value!r} is not a list of rates like 10/m/user,100/h/ip."
            )
    return value


RATE_LIMITS = {
    # help-request messages, resident -> area team and area team -> resident
    "messages": "10/m/user,100/h/user,1000/h/ip",
    "help_requests": "5/h/user,30/h/ip",
    "comments": "10/m/user,100/h/user,300/h/ip",
    # abuse reports of initiatives, comments and news
    "reports": "5/m/user,50/h/ip",
    # initiative invitations by e-mail, volunteer task and hand-over invitations
    "invitations": "20/h/user,100/h/ip",
    "bookings": "20/h/user,100/h/ip",
    "signups": "30/h/user,300/h/ip",
    # grant requests, each of which notifies municipal staff
    "grant_requests": "10/h/user,50/h/ip",
    # postcode and address lookups (PDOK Locatieserver)
    "geocoder": "30/m/ip",
    # Vraag en aanbod: replies and messages between residents
    "exchange_messages": "10/m/user,100/h/user,1000/h/ip",
    # activities: an organiser's message to everyone registered
    "activity_messages": "5/h/user,50/h/ip",
}
RATE_LIMITS = {
    rule: env_rates(f"RATE_LIMIT_{rule.upper()}", default=rates)
    for rule, rates in RATE_LIMITS.items()
}
# The public API (api/http.py): requests of any method per client IP, "count/period".
API_RATE_LIMIT = env.str("API_RATE_LIMIT", default="60/m").replace(" ", "")
_api_count, _api_slash, _api_period = API_RATE_LIMIT.partition("/")
if not (
    _api_count.isdigit()
    and _api_slash
    and _api_period[-1:] in {"s", "m", "h", "d"}
    and (_api_period[:-1] == "" or _api_period[:-1].isdigit())
):
    raise ImproperlyConfigured(f"API_RATE_LIMIT={API_RATE_LIMIT!r} is not a rate like 60/m.")
# How many reverse proxies of our own stand in front of the app. 0: X-Forwarded-For is
# ignored and REMOTE_ADDR is the client; N: the client is the N-th address from the right
# in X-Forwarded-For (mijnbuurt/core/client_ip.py). allauth's limits use the same rule.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT={TRUSTED_PROXY_COUNT} must be 0 or more.")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
RATELIMIT_IP_META_KEY = "mijnbuurt.core.client_ip.client_ip"
RATELIMIT_FAIL_OPEN = True  # a cache that cannot count lets the request through

# --- Internationalisation ------------------------------------------------------------

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
# locale/: our own messages (makemessages writes into the first entry). overrides/locale/:
# Django's and allauth's messages reworded (je, Inloggen/Uitloggen), kept by hand; it
# wins over their own catalogues, since LOCALE_PATHS come before the apps' locale dirs.
LOCALE_PATHS = [PROJECT_DIR / "locale", PROJECT_DIR / "overrides" / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
# Phone numbers (django-phonenumber-field): read as Dutch unless they start with +,
# stored as E.164 (+31612345678), shown by the |phone filter (mijnbuurt.core.phones).
PHONENUMBER_DEFAULT_REGION = "NL"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "E164"

# --- Static files and uploads ----------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)
STATICFILES_DIRS = [PROJECT_DIR / "static"]
# Uploads: "default" holds public files (photos, logos), served by
# mijnbuurt.core.media; "private" holds files served only after a rules check (cost
# evidence), on disk under PRIVATE_MEDIA_ROOT, with no URL of their own. With
# S3_BUCKET set both live on S3-compatible object storage instead (below); models refer
# to the aliases only.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "mijnbuurt.core.storage.PrivateFileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Empty: MEDIA_ROOT/private (one volume, one backup); the public media view refuses the
# "private/" prefix, so these files never answer by a media URL.
PRIVATE_MEDIA_ROOT = env.str("PRIVATE_MEDIA_ROOT", default="")
# Object storage (mijnbuurt.core.object_storage): public files under public/ of
# S3_BUCKET, which must let anyone read public/* and nothing else; private files under
# private/ of S3_PRIVATE_BUCKET (default: the same bucket), downloaded through a URL
# signed for S3_SIGNED_URL_SECONDS. S3_PUBLIC_URL: the bucket's root for browsers (a
# CDN); empty, the endpoint's own.
S3_BUCKET = env.str("S3_BUCKET", default="")
S3_SIGNED_URL_SECONDS = env.int("S3_SIGNED_URL_SECONDS", default=60)
if not 1 <= S3_SIGNED_URL_SECONDS <= 604800:
    raise ImproperlyConfigured("S3_SIGNED_URL_SECONDS must be between 1 and 604800 (7 days).")
if S3_BUCKET:
    S3_ENDPOINT_URL = env.str("S3_ENDPOINT_URL", default="")
    S3_REGION = env.str("S3_REGION", default="")
    S3_PUBLIC_URL = env.str("S3_PUBLIC_URL", default="") or s3_public_url(
        bucket=S3_BUCKET, endpoint_url=S3_ENDPOINT_URL, region=S3_REGION
    )
    STORAGES |= s3_storages(
        bucket=S3_BUCKET,
        private_bucket=env.str("S3_PRIVATE_BUCKET", default=""),
        endpoint_url=S3_ENDPOINT_URL,
        access_key_id=env.str("S3_ACCESS_KEY_ID", default=""),
        secret_access_key=env.str("S3_SECRET_ACCESS_KEY", default=""),
        region=S3_REGION,
        public_url=S3_PUBLIC_URL,
        signed_url_seconds=S3_SIGNED_URL_SECONDS,
    )
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Maps and geocoding ----------------------------------------------------------------

MAP_TILE_URL = env.str(
    "MAP_TILE_URL",
    default="https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
)
GEOCODER_URL = env.str("GEOCODER_URL", default="https://api.pdok.nl/bzk/locatieserver/search/v3_1")
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (52.9925, 6.5625),
    "DEFAULT_ZOOM": 12,
    "MIN_ZOOM": 10,
    "MAX_ZOOM": 19,
    "TILES": [
        (
            _("Map"),
            MAP_TILE_URL,
            {"attribution": "Kaartgegevens &copy; Kadaster (PDOK, BRT-Achtergrondkaart)"},
        )
    ],
    "RESET_VIEW": False,
}

# --- Volunteering ------------------------------------------------------------------------

# A certificate of conduct (VOG) counts this many days after it was issued.
VOLUNTEER_VOG_VALID_DAYS = env.int("VOLUNTEER_VOG_VALID_DAYS", default=3 * 365)
# How many suggested tasks the matching job keeps per volunteer.
VOLUNTEER_SUGGESTIONS_PER_VOLUNTEER = 10

# --- Lists -------------------------------------------------------------------------------

# Rows per page of every paginated list; card grids (initiatives, knowledge) show 12,
# which fills rows of 2, 3 and 4 cards.
PAGE_SIZE = 20
PAGE_SIZE_GRID = 12

# --- Planning horizon --------------------------------------------------------------------

# Bookings and shifts (a whole series included) may be planned at most this many days
# ahead (mijnbuurt/core/dates.py). From 1 day to 10 years.
SCHEDULING_HORIZON_DAYS = env.int("SCHEDULING_HORIZON_DAYS", default=730)
if not 1 <= SCHEDULING_HORIZON_DAYS <= 3650:
    raise ImproperlyConfigured(
        f"SCHEDULING_HORIZON_DAYS={SCHEDULING_HORIZON_DAYS} is out of range; use 1 to 3650."
    )

# --- Security ----------------------------------------------------------------------------

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[SITE_URL])
if not DEBUG:
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # container health checks speak plain HTTP
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Plain messages, or one JSON object per line with LOG_FORMAT=json; every line carries
# the request id and Celery task id it belongs to, e-mail addresses are masked
# (mijnbuurt/core/log.py; the worker: mijnbuurt/celery.py; gunicorn: gunicorn_config.py).
try:
    LOG_FORMAT = log_format(env.str("LOG_FORMAT", default="plain"))
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": LOG_FILTERS,
    "formatters": {"json": {"()": "mijnbuurt.core.log.json_formatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": list(LOG_FILTERS),
            **({"formatter": "json"} if LOG_FORMAT == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Through the handler above only: Django's own (DEBUG on) would print its lines
        # a second time, unfiltered.
        "django": {"handlers": [], "level": "INFO"},
        "django.db.backends": {"level": "WARNING"},
    },
}
if not REDIS_URL:
    # Tasks run in-process: no line per task, and no warning about the in-memory broker.
    LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}
    LOGGING["loggers"]["kombu.connection"] = {"level": "ERROR"}

# Roles that must have two-factor authentication before using their tools; the views
# and rules of those roles ask for it (mijnbuurt/core/mfa.py), wherever they live.
MFA_REQUIRED_ROLES = ["staff", "professional"]

# --- Content-Security-Policy (django-csp) -------------------------------------------------
# Scripts and styles only from this site's static files: no inline scripts or styles, so
# markup that slips into a page cannot run. Map tiles may come from another server
# (MAP_TILE_URL), and the geocoder (GEOCODER_URL) may be asked from the browser.


def url_origin(url: str, *, name: str) -> str:
    """The source (scheme://host[:port]) of a configured URL, for the policy.

    'self' for a path on this site ("/tiles/{z}/{x}/{y}.png"); Leaflet's subdomain
    placeholder becomes a wildcard ("https://{s}.tile.example.org" -> "https://*.tile...").
    """
    if url.startswith("/") and not url.startswith("//"):
        return SELF
    parts = urlsplit(url)
    host = parts.netloc
    if host.startswith("{s}."):
        host = "*." + host.removeprefix("{s}.")
    if parts.scheme not in {"http", "https"} or not host or "{" in host or "@" in host:
        raise ImproperlyConfigured(
            f"{name}={url!r} is not a URL this site can allow; use https://host/... or /path."
        )
    return f"{parts.scheme}://{host}"


MAP_TILE_ORIGIN = url_origin(MAP_TILE_URL, name="MAP_TILE_URL")
GEOCODER_ORIGIN = url_origin(GEOCODER_URL, name="GEOCODER_URL")
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # data: for the two-factor QR code (allauth) and images inside the style sheets
        "img-src": [SELF, "data:", MAP_TILE_ORIGIN]
        + ([url_origin(S3_PUBLIC_URL, name="S3_PUBLIC_URL")] if S3_BUCKET else []),
        "connect-src": [SELF, GEOCODER_ORIGIN],
        "object-src": [NONE],
        "base-uri": [SELF],
        # The IdP's sign-in and logout pages follow a form of ours (a redirect).
        "form-action": [SELF]
        + ([url_origin(OIDC_ISSUER, name="OIDC_ISSUER")] if OIDC_ISSUER else []),
        "frame-ancestors": [NONE],
    }
}

# --- Help requests (helprequests) --------------------------------------------------------

# Time to first contact per urgency, in working days (Monday to Friday) after filing.
HELP_REQUEST_FIRST_CONTACT_WORKING_DAYS = {
    "urgent": env.int("HELP_REQUEST_SLA_URGENT", default=1),
    "high": env.int("HELP_REQUEST_SLA_HIGH", default=2),
    "normal": env.int("HELP_REQUEST_SLA_NORMAL", default=5),
    "low": env.int("HELP_REQUEST_SLA_LOW", default=10),
}
# A resident may reopen a resolved request for this many days.
HELP_REQUEST_REOPEN_DAYS = env.int("HELP_REQUEST_REOPEN_DAYS", default=30)
# Closed requests are anonymised this many days after they were closed.
HELP_REQUEST_RETENTION_DAYS = env.int("HELP_REQUEST_RETENTION_DAYS", default=365)
# Views of a request by one person within one period of this many minutes are one
# entry in its access log.
HELP_REQUEST_VIEW_LOG_MINUTES = env.int("HELP_REQUEST_VIEW_LOG_MINUTES", default=10)

# --- Vraag en aanbod (exchange) -------------------------------------------------------
# How many new conversations one person may start in 24 hours.
EXCHANGE_DAILY_CONVERSATIONS = env.int("EXCHANGE_DAILY_CONVERSATIONS", default=10)
# Messages of closed listings (done, withdrawn, expired) are deleted this many days
# after the listing closed; the conversation, its match and time credits stay.
EXCHANGE_MESSAGE_RETENTION_DAYS = env.int("EXCHANGE_MESSAGE_RETENTION_DAYS", default=180)
