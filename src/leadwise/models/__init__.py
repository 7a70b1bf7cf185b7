"""All ORM models; importing this package registers every table on `Base.metadata`."""

from leadwise.models.auth import ApiKey, AuthSession, Invitation, RefreshToken
from leadwise.models.base import Base
from leadwise.models.capture import AssignmentRule, AssignmentStrategy, Form, IdempotencyRecord
from leadwise.models.companies import Company
from leadwise.models.dedupe import (
    CandidateSource,
    CandidateStatus,
    DedupeModel,
    DuplicateCandidate,
    LeadMatchKey,
    MergeLog,
)
from leadwise.models.enrichment import ScrapedData
from leadwise.models.imports import (
    ImportChange,
    ImportPreset,
    ImportRowError,
    ImportRun,
    ImportState,
)
from leadwise.models.jobs import Job, JobStatus
from leadwise.models.leads import (
    Activity,
    ActivityKind,
    Attachment,
    CustomFieldDefinition,
    CustomFieldType,
    Lead,
    LeadSource,
    LeadTag,
    Lifecycle,
)
from leadwise.models.pipeline import DEFAULT_STAGES, Stage, StageKind
from leadwise.models.system import SystemFlag
from leadwise.models.users import LoginThrottle, Membership, Role, User, Workspace
from leadwise.models.views import SavedView

__all__ = [
    "DEFAULT_STAGES",
    "Activity",
    "ActivityKind",
    "ApiKey",
    "AssignmentRule",
    "AssignmentStrategy",
    "Attachment",
    "AuthSession",
    "Base",
    "CandidateSource",
    "CandidateStatus",
    "Company",
    "CustomFieldDefinition",
    "CustomFieldType",
    "DedupeModel",
    "DuplicateCandidate",
    "Form",
    "IdempotencyRecord",
    "ImportChange",
    "ImportPreset",
    "ImportRowError",
    "ImportRun",
    "ImportState",
    "Invitation",
    "Job",
    "JobStatus",
    "Lead",
    "LeadMatchKey",
    "LeadSource",
    "LeadTag",
    "Lifecycle",
    "LoginThrottle",
    "Membership",
    "MergeLog",
    "RefreshToken",
    "Role",
    "SavedView",
    "ScrapedData",
    "Stage",
    "StageKind",
    "SystemFlag",
    "User",
    "Workspace",
]
