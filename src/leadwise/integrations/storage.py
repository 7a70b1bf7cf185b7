"""The file store the settings ask for."""

from __future__ import annotations

from leadwise.config import StorageSettings
from leadwise.core.storage import FileStore
from leadwise.integrations.local_storage import LocalFileStore


def create_file_store(settings: StorageSettings) -> FileStore:
    if settings.backend == "s3":
        # aiobotocore is the optional `s3` extra: imported only by those who configured S3.
        from leadwise.integrations.s3_storage import S3FileStore

        return S3FileStore(settings)
    assert settings.local_dir is not None
    return LocalFileStore(settings.local_dir)
