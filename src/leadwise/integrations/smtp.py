"""The SMTP adapter (aiosmtplib) of notifications' `Mailer`."""

from __future__ import annotations

from email.message import EmailMessage

import aiosmtplib

from leadwise.config import SmtpSettings
from leadwise.notifications.mailer import PermanentFailure, TemporaryFailure


class SmtpMailer:
    def __init__(self, settings: SmtpSettings) -> None:
        assert settings.host
        self.settings = settings

    async def send(self, message: EmailMessage) -> None:
        smtp = self.settings
        try:
            await aiosmtplib.send(
                message,
                hostname=smtp.host,
                port=smtp.port,
                username=smtp.username,
                password=smtp.password.get_secret_value() if smtp.password else None,
                use_tls=smtp.security == "tls",
                # Required, not opportunistic: credentials never cross the wire in clear.
                start_tls=smtp.security == "starttls",
                timeout=smtp.timeout_seconds,
            )
        except aiosmtplib.SMTPRecipientsRefused as error:
            codes = [refusal.code for refusal in error.recipients]
            failure = TemporaryFailure if all(400 <= c < 500 for c in codes) else PermanentFailure
            raise failure(_describe(error), reason="refused", smtp_code=max(codes)) from error
        except aiosmtplib.SMTPTimeoutError as error:
            raise TemporaryFailure(_describe(error), reason="timeout") from error
        except aiosmtplib.SMTPConnectError as error:
            raise TemporaryFailure(_describe(error), reason="unreachable") from error
        except aiosmtplib.SMTPResponseException as error:
            failure = TemporaryFailure if 400 <= error.code < 500 else PermanentFailure
            raise failure(_describe(error), reason="refused", smtp_code=error.code) from error
        except aiosmtplib.SMTPException as error:  # e.g. disconnected half-way
            raise TemporaryFailure(_describe(error)) from error
        except TimeoutError as error:
            raise TemporaryFailure(_describe(error), reason="timeout") from error
        except OSError as error:
            raise TemporaryFailure(_describe(error), reason="unreachable") from error


def _describe(error: Exception) -> str:
    if isinstance(error, aiosmtplib.SMTPRecipientsRefused):
        return "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in error.recipients)
    if isinstance(error, aiosmtplib.SMTPResponseException):
        return f"{error.code} {error.message}"
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
