"""Where uploads are kept: the storages of settings.STORAGES, by alias.

``"default"`` holds public files (photos, logos), served by ``mijnbuurt.core.media``;
``"private"`` holds files served only by a view that checks the rules (cost
evidence). Both are on disk by default; with S3_BUCKET set, settings put both on
object storage (``mijnbuurt.core.object_storage``). Models name the private storage
through ``private_storage``, never a backend.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateStorage(LazyObject):
    """``storages["private"]``, looked up on first use (like Django's default_storage),
    so a model field follows the settings, a test's changed STORAGES included."""

    def _setup(self):
        self._wrapped = storages["private"]


_private_storage = PrivateStorage()


def private_storage() -> Storage:
    """The storage of private files; models use it as ``storage=private_storage``."""
    return _private_storage


@receiver(setting_changed)
def _storages_changed(*, setting, **kwargs):
    if setting == "STORAGES":
        _private_storage._wrapped = empty


class PrivateFileSystemStorage(FileSystemStorage):
    """Files on disk with no URL: under PRIVATE_MEDIA_ROOT, or MEDIA_ROOT/private when it
    is empty (or at the location given in OPTIONS).

    The location is read from the settings on every use, so that a changed MEDIA_ROOT
    (a test's) applies to the storage a model field already holds.
    """

    def __init__(self, location=None, **kwargs):
        kwargs.pop("base_url", None)
        super().__init__(location=location, **kwargs)

    @property
    def base_location(self):
        default = settings.PRIVATE_MEDIA_ROOT or os.path.join(settings.MEDIA_ROOT, "private")
        return self._value_or_setting(self._location, default)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("A private file has no URL; a view serves it after a rules check.")
