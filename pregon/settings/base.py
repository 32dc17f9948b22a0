"""Pregón settings. Everything that differs between machines comes from the environment.

Production is not a separate settings file: it is this file with PREGON_PRODUCTION=1 and the
variables documented in the README (secret key, allowed hosts, DATABASE_URL, REDIS_URL, SMTP).
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PREGON_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    """A strict boolean: only 1/0, true/false, yes/no (any case) are accepted."""
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {raw!r}") from exc


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_secret(name: str, default: str | None = None) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE (Docker/Kubernetes secrets)."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return os.environ.get(name, default)


PRODUCTION = env_bool("PREGON_PRODUCTION")
DEMO = env_bool("PREGON_DEMO")
DEBUG = env_bool("PREGON_DEBUG", default=not PRODUCTION and not DEMO)

SECRET_KEY = env_secret("PREGON_SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("PREGON_SECRET_KEY (or PREGON_SECRET_KEY_FILE) is required in production")
    SECRET_KEY = "insecure-development-key-only-for-local-use-never-in-production"

ALLOWED_HOSTS = env_list("PREGON_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
SITE_URL = os.environ.get("PREGON_SITE_URL", "http://127.0.0.1:8000")
CSRF_TRUSTED_ORIGINS = env_list("PREGON_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "huey.contrib.djhuey",
    "pregon.core",
    "pregon.ledger",
    "pregon.institutions",
    "pregon.registry",
    "pregon.procedures",
    "pregon.notifications",
    "pregon.publications",
    "pregon.demo",  # `demo_load`: composes every app above, so it comes last
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "pregon.core.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pregon.core.middleware.SpanishFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "pregon.institutions.middleware.AccessMemoMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "pregon.core.middleware.RefuseNulMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pregon.core.middleware.RequestIdMiddleware",
    "pregon.core.error_pages.ErrorPageMiddleware",
]

ROOT_URLCONF = "pregon.urls"
WSGI_APPLICATION = "pregon.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "pregon" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pregon.institutions.context_processors.current_institution",
            ],
            # The site navigation names every app's pages, so it lives at the top, outside the apps.
            "libraries": {"pregon_nav": "pregon.navigation"},
        },
    },
]

# Database: DATABASE_URL (sqlite:///path or postgres://…); unset means the embedded SQLite file.
CONN_MAX_AGE = env_int("PREGON_CONN_MAX_AGE", 600)
_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=CONN_MAX_AGE, conn_health_checks=True)}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "pregon.sqlite3",
            "CONN_MAX_AGE": CONN_MAX_AGE,
            "OPTIONS": {"transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Spanish first (es-MX); English available.
LANGUAGE_CODE = "es-mx"
LANGUAGES = [("es-mx", _("Español (México)")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "pregon" / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("PREGON_TIME_ZONE", "America/Mexico_City")
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "pregon" / "static"]
STATIC_ROOT = Path(os.environ.get("PREGON_STATIC_ROOT", BASE_DIR / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Outside production WhiteNoise serves static files straight from the static folders (no collectstatic needed,
# also when DEBUG is off as in `make run`); production serves the collected, hashed and compressed copies.
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    warnings.filterwarnings("ignore", message="No directory at")
MEDIA_ROOT = Path(os.environ.get("PREGON_MEDIA_ROOT", VAR_DIR / "media"))

# E-mail through Django's framework: console in demo/development, SMTP when PREGON_EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("PREGON_DEFAULT_FROM_EMAIL", "pregon@localhost")
EMAIL_HOST = os.environ.get("PREGON_EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("PREGON_EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("PREGON_EMAIL_USER", "")
    EMAIL_HOST_PASSWORD = env_secret("PREGON_EMAIL_PASSWORD", "") or ""
    EMAIL_USE_TLS = env_bool("PREGON_EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Task queue: Huey, SQLite-backed on one machine, Redis-backed with REDIS_URL.
_redis_url = os.environ.get("REDIS_URL", "").strip()
HUEY: dict = {
    "name": "pregon",
    "immediate": env_bool("PREGON_TASKS_IMMEDIATE", False),
    "consumer": {"workers": env_int("PREGON_TASK_WORKERS", 2), "worker_type": "thread"},
}
if _redis_url:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": _redis_url})
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")})

# Security. In production every cookie is secure, HSTS is on and a strict CSP is sent.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'"
)
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("PREGON_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("PREGON_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("PREGON_LOG_LEVEL", "WARNING")},
}
