"""Custom fields: typed definitions per workspace, and checking a lead's values against them."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from leadwise.auth.principal import Principal
from leadwise.core.errors import Conflict, ValidationFailed, found
from leadwise.models import CustomFieldDefinition, CustomFieldType

MAX_TEXT = 10_000


def definitions_query(workspace_id: uuid.UUID) -> Select[CustomFieldDefinition]:
    return (
        select(CustomFieldDefinition)
        .where(CustomFieldDefinition.workspace_id == workspace_id)
        .order_by(CustomFieldDefinition.position, CustomFieldDefinition.key)
    )


# Built once: every new or changed lead is checked against the definitions.
_DEFINITIONS = (
    select(CustomFieldDefinition)
    .where(CustomFieldDefinition.workspace_id == bindparam("workspace_id"))
    .order_by(CustomFieldDefinition.position, CustomFieldDefinition.key)
)


async def list_definitions(
    session: AsyncSession, principal: Principal
) -> list[CustomFieldDefinition]:
    return await definitions_in(session, principal.workspace)


async def definitions_in(
    session: AsyncSession, workspace_id: uuid.UUID
) -> list[CustomFieldDefinition]:
    """For work without a caller (an import job)."""
    return list(await session.scalars(_DEFINITIONS, {"workspace_id": workspace_id}))


async def get_definition(
    session: AsyncSession, principal: Principal, field_id: uuid.UUID
) -> CustomFieldDefinition:
    definition = await session.scalar(
        select(CustomFieldDefinition).where(
            CustomFieldDefinition.workspace_id == principal.workspace,
            CustomFieldDefinition.id == field_id,
        )
    )
    return found(definition, "custom_field")


def _check_options(kind: CustomFieldType, options: list[str]) -> list[str]:
    cleaned = list(dict.fromkeys(option.strip() for option in options if option.strip()))
    if kind is CustomFieldType.SELECT and not cleaned:
        raise ValidationFailed("A select field needs options.", details={"field": "options"})
    if kind is not CustomFieldType.SELECT and cleaned:
        raise ValidationFailed("Only select fields have options.", details={"field": "options"})
    return cleaned


async def create_definition(
    session: AsyncSession,
    principal: Principal,
    *,
    key: str,
    label: str,
    kind: CustomFieldType,
    options: list[str],
    required: bool,
    position: int,
) -> CustomFieldDefinition:
    definition = CustomFieldDefinition(
        workspace_id=principal.workspace,
        key=key,
        label=label,
        type=kind,
        options=_check_options(kind, options),
        required=required,
        position=position,
    )
    session.add(definition)
    try:
        async with session.begin_nested():
            await session.flush()
    except IntegrityError:
        raise Conflict("A custom field with this key exists.", details={"field": "key"}) from None
    return definition


async def update_definition(
    session: AsyncSession, principal: Principal, field_id: uuid.UUID, changes: dict[str, Any]
) -> CustomFieldDefinition:
    """Label, options, required and position may change; key and type may not (stored values
    would no longer match)."""
    definition = await get_definition(session, principal, field_id)
    if "options" in changes:
        definition.options = _check_options(definition.type, changes["options"] or [])
    for name in ("label", "required", "position"):
        if name in changes and changes[name] is not None:
            setattr(definition, name, changes[name])
    return definition


async def delete_definition(
    session: AsyncSession, principal: Principal, field_id: uuid.UUID
) -> CustomFieldDefinition:
    definition = await get_definition(session, principal, field_id)
    await session.delete(definition)
    await session.flush()
    return definition


def check_values(
    definitions: list[CustomFieldDefinition],
    values: dict[str, Any],
    *,
    current: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The lead's custom fields after applying `values` (null removes a value).

    Unknown keys, values of the wrong type and missing required fields answer 422 naming
    `custom_fields.<key>`.
    """
    by_key = {definition.key: definition for definition in definitions}
    result = dict(current or {})
    for key, value in values.items():
        definition = by_key.get(key)
        if definition is None:
            raise _invalid(key, "is not a custom field of this workspace")
        if value is None:
            result.pop(key, None)
            continue
        result[key] = _coerce(definition, value)
    for definition in definitions:
        if definition.required and result.get(definition.key) in (None, ""):
            raise _invalid(definition.key, "is required")
    return result


def _coerce(definition: CustomFieldDefinition, value: Any) -> Any:
    kind = definition.type
    if kind is CustomFieldType.TEXT and isinstance(value, str) and len(value) <= MAX_TEXT:
        return value
    if (
        kind is CustomFieldType.NUMBER
        and isinstance(value, int | float)
        and not isinstance(value, bool)
    ):
        return value
    if kind is CustomFieldType.BOOLEAN and isinstance(value, bool):
        return value
    if kind is CustomFieldType.SELECT and isinstance(value, str) and value in definition.options:
        return value
    if kind is CustomFieldType.DATE and isinstance(value, str):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    expected = {
        CustomFieldType.TEXT: f"text (at most {MAX_TEXT} characters)",
        CustomFieldType.NUMBER: "a number",
        CustomFieldType.BOOLEAN: "true or false",
        CustomFieldType.SELECT: "one of " + ", ".join(definition.options),
        CustomFieldType.DATE: "a date like 2026-11-22",
    }[kind]
    raise _invalid(definition.key, f"must be {expected}")


def _invalid(key: str, problem: str) -> ValidationFailed:
    field = f"custom_fields.{key}"
    return ValidationFailed(f"{field} {problem}.", details={"field": field})


TRUE_WORDS = {"true", "on", "yes", "1"}
FALSE_WORDS = {"false", "off", "no", "0"}


def from_form_text(
    definitions: list[CustomFieldDefinition], values: dict[str, Any]
) -> dict[str, Any]:
    """An HTML form posts text: read numbers and booleans out of it (`check_values` then checks)."""
    by_key = {definition.key: definition for definition in definitions}
    result: dict[str, Any] = {}
    for key, value in values.items():
        definition = by_key.get(key)
        if definition is not None and isinstance(value, str):
            value = _read_text(definition.type, value.strip())
        result[key] = value
    return result


def _read_text(kind: CustomFieldType, text: str) -> Any:
    if kind is CustomFieldType.NUMBER:
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            return text  # refused by check_values, naming the field
        return int(number) if number.is_integer() and "." not in text else number
    if kind is CustomFieldType.BOOLEAN:
        lowered = text.lower()
        if lowered in TRUE_WORDS:
            return True
        if lowered in FALSE_WORDS:
            return False
    return text
