from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The public read-only API under /api/v1/ (docs/DESIGN.md, "Public API").

    It reads the other apps' selectors and models and nothing imports it: it sits
    last in INSTALLED_APPS and is reached only through its URLs.
    """

    name = "api"
    verbose_name = _("Public API")
