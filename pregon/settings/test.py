"""Test settings: fast hasher, immediate tasks, locmem cache and e-mail, no network."""

import os

os.environ.setdefault("PREGON_TASKS_IMMEDIATE", "1")

from .base import *  # noqa: E402,F403
from .base import HUEY  # noqa: E402

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
HUEY = {**HUEY, "immediate": True, "huey_class": "huey.MemoryHuey"}
HUEY.pop("filename", None)
HUEY.pop("url", None)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# WhiteNoise serves from the finders (WHITENOISE_USE_FINDERS); without a STATIC_ROOT it does not look for one.
STATIC_ROOT = None
