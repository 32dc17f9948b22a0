"""Registry pages, mounted at /i/<institution slug>/cuentas/ (pregon/urls.py). Rules: pregon/institutions/permissions.py."""

from django.urls import path

from . import views

app_name = "registry"

urlpatterns = [
    path("", views.account_list, name="account_list"),
    path("nueva/", views.account_register, name="account_register"),
    path("importar/", views.inventory_import, name="inventory_import"),
    path("exportar/", views.inventory_export, name="inventory_export"),
    path("revision-de-accesos/", views.access_review, name="access_review"),
    path("<uuid:account>/", views.account_detail, name="account_detail"),
    path("<uuid:account>/administradores/nuevo/", views.administrator_assign, name="administrator_assign"),
    path(
        "<uuid:account>/administradores/<uuid:administrator>/terminar/",
        views.administrator_end,
        name="administrator_end",
    ),
]
