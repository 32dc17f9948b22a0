"""Models of the procedures app: the shared machinery (Deadline, TransitionRecord, ProcedureModel) and one
module per procedure (consultation, …). Import models from here."""

from .abandonment import AbandonmentFlag
from .administrator_change import AdministratorChange
from .base import ProcedureModel
from .closure import ClosureRequest
from .consultation import Consultation
from .credential_rotation import CredentialRotation
from .deadlines import Deadline
from .history import TransitionRecord
from .incident import Incident, IncidentStep
from .live_stream import LiveStreamAuthorisation
from .opening import OpeningRequest
from .recertification import Recertification
from .regularisation import Regularisation

__all__ = [
    "AbandonmentFlag",
    "AdministratorChange",
    "ClosureRequest",
    "Consultation",
    "CredentialRotation",
    "Deadline",
    "Incident",
    "IncidentStep",
    "LiveStreamAuthorisation",
    "OpeningRequest",
    "ProcedureModel",
    "Recertification",
    "Regularisation",
    "TransitionRecord",
]
