"""Models of the procedures app: the shared machinery (Deadline, TransitionRecord, ProcedureModel) and one
module per procedure (consultation, …). Import models from here."""

from .base import ProcedureModel
from .consultation import Consultation
from .deadlines import Deadline
from .history import TransitionRecord

__all__ = ["Consultation", "Deadline", "ProcedureModel", "TransitionRecord"]
