from django.contrib.auth import views as auth_views
from django.urls import include, path

from . import views

institution_patterns = (
    [
        path("<slug:institution>/", views.institution_detail, name="detail"),
        path("<slug:institution>/personas/", views.institution_people, name="people"),
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
