from .actions import (
    ActionEntity,
    ActionPartner,
    CooperationAction,
    CooperationActionQuerySet,
    ResultIndicator,
    SupportingDocument,
)
from .audit import LoggedEntity
from .codelists import (
    ActionType,
    AuthorisationScope,
    BogotaLocality,
    Dimension,
    InstrumentKind,
    LineOfAction,
    PartnerRole,
    PartnerType,
    Status,
)
from .dashboard import DashboardPage
from .dataset import DatasetLicence, DatasetPage, UpdateFrequency
from .liaisons import EntityLiaison, entity_of
from .pages import ResultPage, ResultRecord, ResultsIndexPage, StrategyPage, StrategyVersion
from .reference import (
    DevelopmentPlanTarget,
    DistrictEntity,
    Locality,
    Partner,
    Sector,
    SustainableDevelopmentGoal,
    ThematicTable,
    TransversalAxis,
    normalize_name,
)

__all__ = [
    "ActionEntity",
    "ActionPartner",
    "ActionType",
    "AuthorisationScope",
    "BogotaLocality",
    "CooperationAction",
    "CooperationActionQuerySet",
    "DashboardPage",
    "DatasetLicence",
    "DatasetPage",
    "DevelopmentPlanTarget",
    "Dimension",
    "DistrictEntity",
    "EntityLiaison",
    "InstrumentKind",
    "LineOfAction",
    "LoggedEntity",
    "Locality",
    "Partner",
    "PartnerRole",
    "PartnerType",
    "ResultPage",
    "ResultRecord",
    "ResultsIndexPage",
    "ResultIndicator",
    "Sector",
    "Status",
    "StrategyPage",
    "StrategyVersion",
    "SupportingDocument",
    "SustainableDevelopmentGoal",
    "ThematicTable",
    "TransversalAxis",
    "UpdateFrequency",
    "entity_of",
    "normalize_name",
]
