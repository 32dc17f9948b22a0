from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "pregon.procedures"
    label = "procedures"
    verbose_name = _("Trámites")

    def ready(self) -> None:
        # Importing the workflows module registers every procedure's transition table.
        from . import flows, home, workflows  # noqa: F401
