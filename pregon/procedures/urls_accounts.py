"""URLs of the account procedures (included by `procedures/urls.py`, namespace `procedures`)."""

from django.urls import path

from .views_accounts import VIEWS

SEGMENTS = {
    "opening_request": "aperturas",
    "administrator_change": "cambios-de-administrador",
    "credential_rotation": "cambios-de-contrasena",
    "live_stream": "transmisiones-en-vivo",
}

urlpatterns = []
for _key, _segment in SEGMENTS.items():
    urlpatterns += [
        path(f"{_segment}/", VIEWS[f"{_key}_list"], name=f"{_key}_list"),
        path(f"{_segment}/nueva/", VIEWS[f"{_key}_create"], name=f"{_key}_create"),
        path(f"{_segment}/<uuid:public_id>/", VIEWS[f"{_key}_detail"], name=f"{_key}_detail"),
        path(f"{_segment}/<uuid:public_id>/<slug:action>/", VIEWS[f"{_key}_transition"], name=f"{_key}_transition"),
    ]
