from django.apps import AppConfig


class ProceduresConfig(AppConfig):
    name = "pregon.procedures"
    label = "procedures"
    verbose_name = "Trámites"

    def ready(self) -> None:
        # Importing the workflows module registers every procedure's transition table.
        from . import flows, home, workflows  # noqa: F401
