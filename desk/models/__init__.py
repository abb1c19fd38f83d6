from .codelists import ChoiceListField, Decision, Modality, PlanStatus, RequestStatus
from .plans import PrioritiesPlan, Priority
from .requests import DUE_SOON_WORKING_DAYS, AssistanceRequest, Flag, RequestAttachment
from .surveys import SatisfactionSurvey

__all__ = [
    "DUE_SOON_WORKING_DAYS",
    "AssistanceRequest",
    "ChoiceListField",
    "Decision",
    "Flag",
    "Modality",
    "PlanStatus",
    "PrioritiesPlan",
    "Priority",
    "RequestAttachment",
    "RequestStatus",
    "SatisfactionSurvey",
]
