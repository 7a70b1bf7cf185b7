"""Adapters to outside services (file storage, SMTP, ...), each behind a domain's Protocol."""
