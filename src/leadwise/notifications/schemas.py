"""Bodies of Settings' outgoing-email status and test email."""

from __future__ import annotations

from pydantic import EmailStr, Field

from leadwise.core.schemas import ReadSchema, Schema


class SmtpStatusRead(ReadSchema):
    """How emails leave this server for this workspace. The SMTP login is never shown."""

    configured: bool = Field(description="An SMTP server is set; without one, nothing is sent")
    host: str | None = Field(examples=["smtp.example.com"])
    port: int | None = Field(examples=[587])
    security: str = Field(description="starttls, tls or none", examples=["starttls"])
    authenticated: bool = Field(description="The server signs in to the SMTP server")
    default_sender: str = Field(
        description="The server's sender (LEADWISE_SMTP__FROM_ADDRESS)",
        examples=["Leadwise <leadwise@example.com>"],
    )
    workspace_sender: str | None = Field(
        description="The workspace's own sender, if it has one",
        examples=["Acme Sales <sales@acme.example>"],
    )
    sender: str = Field(
        description="What the workspace's emails come from",
        examples=["Acme Sales <sales@acme.example>"],
    )


class TestEmailRequest(Schema):
    to: EmailStr = Field(examples=["owner@acme.example"])


class TestEmailRead(ReadSchema):
    """The server took the email; whether it reaches the inbox is up to the receiving side."""

    to: str = Field(examples=["owner@acme.example"])
    sender: str = Field(examples=["Acme Sales <sales@acme.example>"])
    subject: str = Field(examples=["Test email from Leadwise (Acme Sales)"])
    message_id: str = Field(examples=["<173.1.2@acme.example>"])
