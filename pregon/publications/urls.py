"""Publications pages, mounted at /i/<institution slug>/ (pregon/urls.py). Rules: pregon/institutions/permissions.py."""

from django.urls import path

from . import views

app_name = "publications"

urlpatterns = [
    path("revisar/", views.review, name="review"),
    path("publicaciones/importar/", views.publications_import, name="import"),
    path("publicaciones/auditoria/", views.audit_list, name="audit_list"),
    path("publicaciones/auditoria/ejecutar/", views.audit_run, name="audit_run"),
]
