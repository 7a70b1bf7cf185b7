"""Forms (CRUD) and public capture: submissions become leads, once, and only from people.

A submission goes through, in order: the form (active, of a live workspace), the origin, the
per-form rate limit, the body (read with no database connection held, files streamed to
storage), the honeypot, the render token, the fields, the idempotency key, and then one
transaction: the lead, its attachments, its timeline, and the `FormSubmitted` event.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import orjson
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.attachments import service as attachments
from leadwise.attachments.uploads import discard
from leadwise.auth.permissions import Permission
from leadwise.auth.principal import Principal
from leadwise.capture import duplicates, guards, repository
from leadwise.capture.events import FormSubmitted
from leadwise.capture.intake import FieldValue, Incoming, read_submission
from leadwise.capture.schemas import LEAD_FIELDS, FormCreate, FormFields
from leadwise.config import Settings
from leadwise.core.clock import utcnow
from leadwise.core.db import release_connection
from leadwise.core.errors import AppError, Conflict, NotFound, ValidationFailed, found
from leadwise.core.events import emit
from leadwise.core.logging import get_logger
from leadwise.core.metrics import FORM_SUBMISSIONS
from leadwise.core.pagination import PageParams, paginate_by_id
from leadwise.core.ratelimit import RateLimiter
from leadwise.core.schemas import Page
from leadwise.core.storage import FileStore
from leadwise.leads import custom_fields
from leadwise.leads import service as leads
from leadwise.leads.schemas import LeadCreate, LeadUpdate
from leadwise.models import ActivityKind, Form, IdempotencyRecord, Lead, LeadSource

log = get_logger(__name__)

IDEMPOTENCY_WINDOW = timedelta(hours=24)
MAX_IDEMPOTENCY_KEY = 200
UTM_FIELDS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")
# Always accepted beside the form's own fields: campaign tags, the page, the render token.
META_FIELDS = {*UTM_FIELDS, "page_url", guards.RENDER_TOKEN_FIELD}
CONSENT_FIELDS = {"consent_marketing": "marketing_email", "consent_privacy": "privacy_policy"}
CONTACT_FIELDS = set(LEAD_FIELDS) - set(CONSENT_FIELDS) - {"message"}
TRUE_TEXT = {"true", "on", "yes", "1"}


class FormNotFound(NotFound):
    code = "FORM_NOT_FOUND"
    message = "There is no active form with this id."


class EditTokenRequired(AppError):
    status_code = 401
    code = "EDIT_TOKEN_REQUIRED"
    message = "Send the edit token of the submission in the X-Edit-Token header."


class InvalidEditToken(AppError):
    status_code = 403
    code = "INVALID_EDIT_TOKEN"
    message = "The edit token is wrong or expired, or the submission cannot be edited."


class IdempotencyKeyReused(AppError):
    status_code = 422
    code = "IDEMPOTENCY_KEY_REUSED"
    message = "This Idempotency-Key was used for a different submission."


# --- forms ------------------------------------------------------------------------------------


async def _check_fields(session: AsyncSession, principal: Principal, form: Form) -> None:
    custom_keys = {d.key for d in await custom_fields.list_definitions(session, principal)}
    unknown = [f for f in form.allowed_fields if f not in LEAD_FIELDS and f not in custom_keys]
    if unknown:
        raise ValidationFailed(
            f"Unknown fields: {', '.join(unknown)}.",
            details={"field": "allowed_fields", "unknown": unknown},
        )
    extra = [f for f in form.required_fields if f not in form.allowed_fields]
    if extra:
        raise ValidationFailed(
            "Required fields must be among the allowed fields.",
            details={"field": "required_fields", "unknown": extra},
        )
    if form.honeypot_field in (*form.allowed_fields, *META_FIELDS):
        raise ValidationFailed(
            "The honeypot must not be a real field.", details={"field": "honeypot_field"}
        )


def _apply(form: Form, data: FormFields) -> None:
    settings = dict(form.settings)
    for name in data.model_fields_set:
        value = getattr(data, name)
        if name in ("tags", "confirmation_subject", "confirmation_message", "duplicate_policy"):
            settings[name] = value if value is not None else ([] if name == "tags" else None)
        elif name == "notify_emails":
            form.notify_emails = [str(email) for email in value or []]
        elif value is None and name not in ("redirect_url", "honeypot_field"):
            raise ValidationFailed(f"{name} cannot be null.", details={"field": name})
        else:
            setattr(form, name, value)
    form.settings = settings


async def create_form(session: AsyncSession, principal: Principal, data: FormCreate) -> Form:
    form = Form(
        workspace_id=principal.workspace,
        public_id="f_" + secrets.token_urlsafe(16),
        name=data.name,
        is_active=True,
        allowed_fields=[],
        required_fields=[],
        allowed_origins=[],
        notify_emails=[],
        send_confirmation=False,
        accept_files=False,
        honeypot_field="website_url",
        min_fill_seconds=0,
        settings={},
    )
    _apply(form, data)
    await _check_fields(session, principal, form)
    session.add(form)
    await session.flush()
    return form


async def list_forms(session: AsyncSession, principal: Principal, page: PageParams) -> Page[Form]:
    return await paginate_by_id(session, repository.forms_of(principal.workspace), Form.id, page)


async def get_form(session: AsyncSession, principal: Principal, form_id: uuid.UUID) -> Form:
    form = await session.scalar(repository.forms_of(principal.workspace).where(Form.id == form_id))
    return found(form, "form")


async def update_form(
    session: AsyncSession, principal: Principal, form_id: uuid.UUID, data: FormFields
) -> Form:
    form = await get_form(session, principal, form_id)
    _apply(form, data)
    await _check_fields(session, principal, form)
    form.updated_at = utcnow()
    return form


async def delete_form(session: AsyncSession, principal: Principal, form_id: uuid.UUID) -> Form:
    form = await get_form(session, principal, form_id)
    await session.delete(form)  # its leads stay, with form_id cleared
    await session.flush()
    return form


async def form_by_id(session: AsyncSession, form_id: uuid.UUID) -> Form | None:
    """For the domains that react to submissions (they know the form's id from the event)."""
    return await repository.form_by_id(session, form_id)


# --- public -----------------------------------------------------------------------------------


def _form_principal(form: Form) -> Principal:
    """Who creates a submitted lead: the form itself, allowed to write leads and nothing else."""
    return Principal.system(form.workspace_id, Permission.LEADS_WRITE)


async def public_form(session: AsyncSession, settings: Settings, public_id: str) -> dict[str, Any]:
    form = await _live_form(session, public_id)
    return {
        "public_id": form.public_id,
        "name": form.name,
        "fields": form.allowed_fields,
        "required_fields": form.required_fields,
        "accept_files": form.accept_files,
        "honeypot_field": form.honeypot_field,
        "render_token": guards.render_token(settings.signing_key(), form.public_id),
        "submit_url": form.submit_url,
    }


async def _live_form(session: AsyncSession, public_id: str) -> Form:
    form = await repository.live_form(session, public_id)
    if form is None:
        raise FormNotFound(details={"resource": "form"})
    return form


@dataclass(frozen=True, slots=True)
class RequestFacts:
    """What the router hands over about the HTTP request itself."""

    content_type: str | None
    origin: str | None
    client_ip: str
    user_agent: str | None
    idempotency_key: str | None


@dataclass(frozen=True, slots=True)
class Submitted:
    lead_id: uuid.UUID
    edit_token: str
    edit_token_expires_at: datetime
    redirect_url: str | None
    from_html_form: bool
    replayed: bool = False


async def submit(
    session: AsyncSession,
    public_id: str,
    body: Any,
    facts: RequestFacts,
    *,
    store: FileStore,
    settings: Settings,
    limiter: RateLimiter,
) -> Submitted:
    form = await _live_form(session, public_id)
    guards.check_origin(form, facts.origin)
    await limiter.check("form", form.public_id)
    key = _idempotency_key(facts.idempotency_key)
    await release_connection(session)  # no pooled connection waits on a slow upload
    limits = attachments.upload_limits(settings, max_files=None if form.accept_files else 0)
    incoming = await read_submission(
        facts.content_type, body, store=store, workspace_id=form.workspace_id, limits=limits
    )
    stored_keys = [file.storage_key for file in incoming.files]
    try:
        if guards.is_bot(form, incoming.fields):
            FORM_SUBMISSIONS.labels("honeypot").inc()
            log.info("form honeypot filled", form=form.public_id, ip=facts.client_ip)
            await discard(store, stored_keys)
            return _decoy(form, settings, incoming)
        guards.check_fill_time(
            settings.signing_key(), form, incoming.fields.get(guards.RENDER_TOKEN_FIELD)
        )
        fields = _checked_fields(form, incoming.fields, settings)
        claim = None
        if key is not None:
            claim, first_time = await _claim_key(session, form, key, _fingerprint(fields, incoming))
            if not first_time:
                await discard(store, stored_keys)
                return await _replay(session, form, claim, settings, incoming)
        result = await _create_lead(session, form, fields, incoming, facts, store, settings)
        if claim is not None:
            claim.lead_id = result.lead_id
            claim.response = {"lead_id": str(result.lead_id)}
    except BaseException:
        # Deleting twice is harmless: once attached, a rollback removes the files as well.
        await discard(store, stored_keys)
        FORM_SUBMISSIONS.labels("refused").inc()
        raise
    FORM_SUBMISSIONS.labels("created").inc()
    return result


def _idempotency_key(raw: str | None) -> str | None:
    if raw is None:
        return None
    key = raw.strip()
    if not key or len(key) > MAX_IDEMPOTENCY_KEY or not key.isprintable():
        raise ValidationFailed(
            f"Idempotency-Key must be 1 to {MAX_IDEMPOTENCY_KEY} printable characters.",
            details={"header": "Idempotency-Key"},
        )
    return key


def _checked_fields(
    form: Form, raw: dict[str, FieldValue], settings: Settings
) -> dict[str, FieldValue]:
    """The submitted values, trimmed, with empty ones dropped; unknown or long ones refused."""
    allowed = {*form.allowed_fields, *META_FIELDS}
    if form.honeypot_field:
        allowed.add(form.honeypot_field)
    unknown = sorted(name for name in raw if name not in allowed)
    if unknown:
        raise ValidationFailed(
            f"This form does not take: {', '.join(unknown)}.",
            details={"field": unknown[0], "unknown": unknown},
        )
    fields: dict[str, FieldValue] = {}
    limit = settings.capture.max_field_chars
    for name, value in raw.items():
        if name == form.honeypot_field or name == guards.RENDER_TOKEN_FIELD:
            continue
        if isinstance(value, str):
            value = value.strip()
            if len(value) > limit:
                raise ValidationFailed(
                    f"{name}: at most {limit} characters.", details={"field": name}
                )
        if value not in (None, ""):
            fields[name] = value
    missing = [name for name in form.required_fields if name not in fields]
    if missing:
        raise ValidationFailed(
            f"Required: {', '.join(missing)}.", details={"field": missing[0], "missing": missing}
        )
    return fields


def _fingerprint(fields: dict[str, FieldValue], incoming: Incoming) -> str:
    files = sorted(f"{f.field_name}:{f.sha256}" for f in incoming.files)
    document = orjson.dumps({"fields": fields, "files": files}, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(document).hexdigest()


async def _claim_key(
    session: AsyncSession, form: Form, key: str, fingerprint: str
) -> tuple[IdempotencyRecord, bool]:
    """Take the key for this submission (`(record, True)`), or find the earlier submission
    that holds it (`(its record, False)`).

    Two submits racing with one key: the second INSERT waits for the first transaction and
    then fails on the unique key, so it replays the first one's answer.
    """
    existing = await repository.idempotency_record(session, form.id, key)
    if existing is not None and utcnow() - existing.created_at > IDEMPOTENCY_WINDOW:
        await session.delete(existing)
        await session.flush()
        existing = None
    if existing is None:
        record = IdempotencyRecord(form_id=form.id, key=key, request_hash=fingerprint)
        try:
            async with session.begin_nested():
                session.add(record)
                await session.flush()
        except IntegrityError:
            existing = await repository.idempotency_record(session, form.id, key)
            if existing is None:  # pragma: no cover - the winner rolled back; try once more
                raise Conflict("A submission with this Idempotency-Key is in progress.") from None
        else:
            return record, True
    if existing.request_hash != fingerprint:
        raise IdempotencyKeyReused(details={"header": "Idempotency-Key"})
    return existing, False


async def _replay(
    session: AsyncSession,
    form: Form,
    record: IdempotencyRecord,
    settings: Settings,
    incoming: Incoming,
) -> Submitted:
    """The same answer as the first time; the edit token is issued afresh (only its hash is
    kept, so the first one cannot be shown again) and the first one stops working."""
    lead = await repository.editable_lead(session, record.lead_id) if record.lead_id else None
    if lead is not None:
        token, expires = _issue_edit_token(lead, settings)
    else:
        live = await repository.live_lead(session, record.lead_id) if record.lead_id else None
        if live is None:
            raise Conflict(
                "This submission was received before; its lead has since been removed.",
                details={"header": "Idempotency-Key"},
            )
        # Added to an existing lead (the form's `merge` policy): as the first time, a token
        # that opens nothing.
        lead, token = live, secrets.token_urlsafe(32)
        expires = utcnow() + timedelta(hours=settings.capture.edit_token_hours)
    FORM_SUBMISSIONS.labels("replayed").inc()
    return Submitted(lead.id, token, expires, form.redirect_url, incoming.from_html_form, True)


def _issue_edit_token(lead: Lead, settings: Settings) -> tuple[str, datetime]:
    token = secrets.token_urlsafe(32)
    lead.edit_token_hash = hashlib.sha256(token.encode()).hexdigest()
    lead.edit_token_expires_at = utcnow() + timedelta(hours=settings.capture.edit_token_hours)
    return token, lead.edit_token_expires_at


def _decoy(form: Form, settings: Settings, incoming: Incoming) -> Submitted:
    """What a bot gets: an answer like a real one, for a lead that does not exist."""
    expires = utcnow() + timedelta(hours=settings.capture.edit_token_hours)
    return Submitted(
        uuid.uuid4(),
        secrets.token_urlsafe(32),
        expires,
        form.redirect_url,
        incoming.from_html_form,
    )


def _lead_data(
    form: Form, fields: dict[str, FieldValue], facts: RequestFacts, definitions: list[Any]
) -> LeadCreate:
    custom_keys = {d.key for d in definitions}
    values: dict[str, Any] = {
        name: value for name, value in fields.items() if name in CONTACT_FIELDS | set(UTM_FIELDS)
    }
    custom = {name: value for name, value in fields.items() if name in custom_keys}
    details = {
        "form_id": str(form.id),
        "form_name": form.name,
        "page_url": fields.get("page_url") or None,
        "ip": facts.client_ip,
        "user_agent": (facts.user_agent or "")[:300] or None,
    }
    try:
        return LeadCreate(
            **values,
            source=LeadSource.FORM,
            source_details={k: v for k, v in details.items() if v is not None},
            tags=form.tags or None,
            custom_fields=custom_fields.from_form_text(definitions, custom) or None,
        )
    except ValidationError as error:
        raise _named(error) from None


def _named(error: ValidationError) -> ValidationFailed:
    first = error.errors()[0]
    name = str(first["loc"][0]) if first["loc"] else "body"
    return ValidationFailed(f"{name}: {first['msg']}.", details={"field": name})


async def _create_lead(
    session: AsyncSession,
    form: Form,
    fields: dict[str, FieldValue],
    incoming: Incoming,
    facts: RequestFacts,
    store: FileStore,
    settings: Settings,
) -> Submitted:
    principal = _form_principal(form)
    definitions = await custom_fields.list_definitions(session, principal)
    data = _lead_data(form, fields, facts, definitions)
    now = utcnow()
    lead = await duplicates.existing_lead(session, form, principal, data)
    added = lead is not None
    if lead is not None:
        lead = await duplicates.add_submission(session, principal, lead, data)
        # A token that opens nothing: typing a known email must not grant editing that lead.
        token = secrets.token_urlsafe(32)
        expires = now + timedelta(hours=settings.capture.edit_token_hours)
    else:
        lead = await leads.create(session, principal, data)
        lead.form_id = form.id
        token, expires = _issue_edit_token(lead, settings)
    lead.consents = {
        **lead.consents,
        **{
            purpose: {"granted": True, "at": now.isoformat(), "source": f"form:{form.public_id}"}
            for name, purpose in CONSENT_FIELDS.items()
            if str(fields.get(name, "")).lower() in TRUE_TEXT or fields.get(name) is True
        },
    }
    leads.record_activity(
        session,
        lead,
        None,
        ActivityKind.SYSTEM,
        body=f"Submitted the form {form.name}" + (" (same email: added here)" if added else ""),
        data={
            "event": "form_submitted",
            "form_id": str(form.id),
            "form_name": form.name,
            **({"added_to_existing_lead": True} if added else {}),
        },
    )
    if fields.get("message"):
        leads.record_activity(
            session, lead, None, ActivityKind.NOTE, body=str(fields["message"]),
            data={"event": "form_message", "form_id": str(form.id)},
        )  # fmt: skip
    if incoming.files:
        await attachments.attach(session, lead, incoming.files, store=store, principal=None)
    message = fields.get("message")
    await emit(
        session,
        FormSubmitted(
            form.workspace_id, form.id, lead.id, message if isinstance(message, str) else None
        ),
    )
    if not added:
        await duplicates.flag_probable(session, form, lead)
    await session.flush()
    return Submitted(lead.id, token, expires, form.redirect_url, incoming.from_html_form)


# --- editing a submission ---------------------------------------------------------------------


async def edit_submission(
    session: AsyncSession,
    lead_id: uuid.UUID,
    token: str | None,
    values: dict[str, FieldValue],
    *,
    settings: Settings,
) -> dict[str, Any]:
    if not token:
        raise EditTokenRequired()
    lead = await repository.editable_lead(session, lead_id)
    digest = hashlib.sha256(token.encode()).hexdigest()
    if (
        lead is None
        or lead.edit_token_hash is None
        or not hmac.compare_digest(lead.edit_token_hash, digest)
        or lead.edit_token_expires_at is None
        or lead.edit_token_expires_at < utcnow()
    ):
        raise InvalidEditToken()
    assert lead.form_id is not None
    form = found(await repository.form_by_id(session, lead.form_id), "form")
    editable = [name for name in form.allowed_fields if name not in CONSENT_FIELDS]
    unknown = sorted(set(values) - set(editable))
    if unknown:
        raise ValidationFailed(
            f"These fields cannot be edited: {', '.join(unknown)}.",
            details={"field": unknown[0], "unknown": unknown},
        )
    principal = _form_principal(form)
    definitions = await custom_fields.list_definitions(session, principal)
    custom_keys = {d.key for d in definitions}
    contact = {
        name: (value.strip() or None) if isinstance(value, str) else value
        for name, value in values.items()
        if name in CONTACT_FIELDS
    }
    custom = {name: value for name, value in values.items() if name in custom_keys}
    try:
        update = LeadUpdate(
            **contact,
            **(
                {"custom_fields": custom_fields.from_form_text(definitions, custom)}
                if custom
                else {}
            ),
        )
    except ValidationError as error:
        raise _named(error) from None
    lead = await leads.update(session, principal, lead.id, update)
    message = values.get("message")
    if isinstance(message, str) and message.strip():
        leads.record_activity(
            session,
            lead,
            None,
            ActivityKind.NOTE,
            body=message.strip(),
            data={"event": "form_message", "form_id": str(form.id), "edited": True},
        )
    return {
        "lead_id": lead.id,
        "fields": {name: _current(lead, name) for name in editable if name != "message"},
    }


def _current(lead: Lead, name: str) -> Any:
    if name == "phone":
        return lead.phone_raw
    if name in CONTACT_FIELDS:
        return getattr(lead, name)
    return lead.custom_fields.get(name)
