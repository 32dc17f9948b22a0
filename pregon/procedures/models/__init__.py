"""Models of the procedures app: the shared machinery (Deadline, TransitionRecord, ProcedureModel) and one
module per procedure (consultation, …). Import models from here."""

from .administrator_change import AdministratorChange
from .base import ProcedureModel
from .consultation import Consultation
from .credential_rotation import CredentialRotation
from .deadlines import Deadline
from .history import TransitionRecord
from .live_stream import LiveStreamAuthorisation
from .opening import OpeningRequest

__all__ = [
    "AdministratorChange",
    "Consultation",
    "CredentialRotation",
    "Deadline",
    "LiveStreamAuthorisation",
    "OpeningRequest",
    "ProcedureModel",
    "TransitionRecord",
]
