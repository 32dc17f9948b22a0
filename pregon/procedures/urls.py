"""Procedure pages, under /i/<institution>/tramites/ (namespace `procedures`), derived from the specs: each
procedure's list, new, detail and action URLs (``views.views_for``). Rules: the spec's, in `pregon/institutions/permissions.py`."""

from django.urls import path

from . import views
from .spec import all_specs

app_name = "procedures"

urlpatterns = [path("", views.procedure_index, name="index")]
for _spec in all_specs():
    _views = views.views_for(_spec)
    urlpatterns += [
        path(f"{_spec.segment}/", _views["list"], name=f"{_spec.key}_list"),
        path(f"{_spec.segment}/<uuid:public_id>/", _views["detail"], name=f"{_spec.key}_detail"),
        path(f"{_spec.segment}/<uuid:public_id>/<slug:action>/", _views["transition"], name=f"{_spec.key}_transition"),
    ]
    if "download" in _views:  # before the action POSTs, whose <action> would take the same shape
        urlpatterns.insert(len(urlpatterns) - 1, path(f"{_spec.segment}/<uuid:public_id>/descargas/<slug:name>/",
                                                      _views["download"], name=f"{_spec.key}_download"))
    if "create" in _views:
        urlpatterns.append(path(f"{_spec.segment}/nueva/", _views["create"], name=f"{_spec.key}_create"))
