"""Email templates (Jinja2): a subject, a text part and an HTML part per kind of email.

Templates live in `notifications/templates/`: `<name>.subject.j2`, `<name>.txt.j2` and
`<name>.html.j2` (autoescaped). A missing variable is an error, not an empty string.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

TEMPLATES = ("lead_confirmation", "new_lead", "lead_assigned", "smtp_test")

_environment = Environment(
    loader=PackageLoader("leadwise.notifications", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


@dataclass(frozen=True, slots=True)
class RenderedEmail:
    subject: str
    text: str
    html: str


def render(name: str, context: dict[str, Any]) -> RenderedEmail:
    if name not in TEMPLATES:
        raise ValueError(f"unknown email template {name!r}")
    raw_subject = _environment.get_template(f"{name}.subject.j2").render(context)
    # One line: submitted values end up in the subject, and a header has no line breaks.
    subject = " ".join(raw_subject.split())[:250]
    context = {**context, "subject": subject}
    return RenderedEmail(
        subject=subject,
        text=_environment.get_template(f"{name}.txt.j2").render(context),
        html=_environment.get_template(f"{name}.html.j2").render(context),
    )
