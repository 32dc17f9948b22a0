from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    """The account registry: platforms, official social-media accounts, their administrators."""

    name = "pregon.registry"
    label = "registry"
    verbose_name = _("Registro de cuentas")
