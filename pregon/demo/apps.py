from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Holds the `demo_load` management command (Django finds commands only in installed apps)."""

    name = "pregon.demo"
    label = "demo"
