from django.contrib.auth import views as auth_views
from django.urls import path

urlpatterns = [
    path("entrar/", auth_views.LoginView.as_view(), name="login"),
]
