from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views, views_admin

institution_patterns = (
    [
        path("<slug:institution>/", views.institution_detail, name="detail"),
        path("<slug:institution>/personas/", views.institution_people, name="people"),
        # The institution's own administration (views_admin.py)
        path("<slug:institution>/servidores/nuevo/", views_admin.official_create, name="official_create"),
        path("<slug:institution>/servidores/<uuid:official>/baja/", views_admin.official_end, name="official_end"),
        path("<slug:institution>/calendario/", views_admin.calendar_detail, name="calendar"),
        path("<slug:institution>/calendario/dias-inhabiles/", views_admin.nonworking_day_declare,
             name="nonworking_day_declare"),
        path("<slug:institution>/calendario/procesos-electorales/", views_admin.electoral_period_declare,
             name="electoral_period_declare"),
        path("<slug:institution>/politica/", views_admin.policy_detail, name="policy"),
        path("<slug:institution>/politica/revisiones/", views_admin.policy_revision_create,
             name="policy_revision_create"),
    ],
    "institutions",
)

urlpatterns = [
    path("entrar/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("salir/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("institucion/", views.institution_switch, name="institution_switch"),
    path("i/", include(institution_patterns)),
]
