"""Settings: defaults, validation that names the variable, secrets."""

from __future__ import annotations

from pathlib import Path

import pytest

from leadwise.config import Environment, SettingsError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    import os

    for key in list(os.environ):
        if key.startswith("LEADWISE_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("LEADWISE_DATA_DIR", str(tmp_path / "data"))


def test_embedded_defaults(tmp_path: Path):
    settings = load_settings()
    assert settings.env is Environment.DEVELOPMENT
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path / 'data' / 'leadwise.sqlite3'}"
    assert settings.broker_url == f"sqla+sqlite:///{tmp_path / 'data' / 'broker.sqlite3'}"
    assert settings.redis_url is None


def test_plain_urls_get_our_async_drivers(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LEADWISE_DATABASE_URL", "postgres://u:p@db:5432/leads")
    assert load_settings().database_url == "postgresql+asyncpg://u:p@db:5432/leads"


def test_errors_name_the_variables(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LEADWISE_PORT", "eighty")
    monkeypatch.setenv("LEADWISE_AUTH__ACCESS_TOKEN_MINUTES", "0")
    monkeypatch.setenv("LEADWISE_DATABASE_URL", "mysql://x")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    text = str(raised.value)
    assert "LEADWISE_PORT:" in text
    assert "LEADWISE_AUTH__ACCESS_TOKEN_MINUTES:" in text
    assert "LEADWISE_DATABASE_URL:" in text


def test_unparseable_list_names_the_variable(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LEADWISE_HTTP__CORS_ORIGINS", "[broken")
    with pytest.raises(SettingsError, match="LEADWISE_HTTP__CORS_ORIGINS"):
        load_settings()


def test_lists_accept_commas_or_json(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LEADWISE_HTTP__CORS_ORIGINS", "https://a.example, https://b.example")
    assert load_settings().http.cors_origins == ["https://a.example", "https://b.example"]
    monkeypatch.setenv("LEADWISE_HTTP__CORS_ORIGINS", '["https://c.example"]')
    assert load_settings().http.cors_origins == ["https://c.example"]


def test_production_refuses_missing_or_weak_secret(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LEADWISE_ENV", "production")
    with pytest.raises(SettingsError, match="LEADWISE_SECRET_KEY"):
        load_settings()
    monkeypatch.setenv("LEADWISE_SECRET_KEY", "changeme")
    with pytest.raises(SettingsError, match="LEADWISE_SECRET_KEY"):
        load_settings()
    monkeypatch.setenv("LEADWISE_SECRET_KEY", "k" * 20 + "0123456789abcdef")
    assert load_settings().signing_key() == "k" * 20 + "0123456789abcdef"


def test_development_generates_and_keeps_a_secret(tmp_path: Path):
    first = load_settings().signing_key()
    assert len(first) >= 40
    assert (tmp_path / "data" / "secret_key").stat().st_mode & 0o777 == 0o600
    assert load_settings().signing_key() == first


def test_dotenv_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / ".env").write_text("LEADWISE_PORT=9123\nLEADWISE_JOBS__MAX_ATTEMPTS=7\n")
    settings = load_settings()
    assert settings.port == 9123
    assert settings.jobs.max_attempts == 7


def test_every_setting_is_documented():
    from leadwise.cli import _flatten

    documented = (Path(__file__).resolve().parents[2] / "docs" / "operations.md").read_text()
    missing = [name for name, _ in _flatten(load_settings().model_dump()) if name not in documented]
    assert missing == []
