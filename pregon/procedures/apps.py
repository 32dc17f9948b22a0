from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "pregon.procedures"
    label = "procedures"
    verbose_name = _("Trámites")

    def ready(self) -> None:
        # The institutions app signals a departure; the administrator changes and rotations start here.
        from pregon.institutions.signals import official_departed

        # Importing the workflows module registers every procedure's transition table.
        from . import flows, home, workflows  # noqa: F401
        from .receivers import start_procedures_on_departure

        official_departed.connect(start_procedures_on_departure, dispatch_uid="procedures.start_on_departure")

        # The registry signals what it cannot start itself (it does not import procedures).
        from pregon.registry import signals as registry_signals

        from .flows.regularisation import regularisation_start_on_registration

        registry_signals.account_registered.connect(
            regularisation_start_on_registration, dispatch_uid="procedures.regularisation_start_on_registration"
        )
        from .flows.administrator_change import administrator_change_on_request

        registry_signals.administrator_change_requested.connect(
            administrator_change_on_request, dispatch_uid="procedures.administrator_change_on_request"
        )
        from .receivers import open_procedures_of_account

        registry_signals.open_procedures_requested.connect(
            open_procedures_of_account, dispatch_uid="procedures.open_procedures_of_account"
        )
