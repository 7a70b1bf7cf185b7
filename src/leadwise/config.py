"""Settings: the one place that reads the environment.

Every value comes from `LEADWISE_*` variables (nested groups joined with `__`, e.g.
`LEADWISE_AUTH__ACCESS_TOKEN_MINUTES`) or a `.env` file in the working directory.
"""

from __future__ import annotations

import json
import secrets
from enum import StrEnum
from functools import lru_cache
from ipaddress import ip_network
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlsplit

from limits import parse as parse_limit
from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from pydantic_settings import SettingsError as SourceError

from leadwise.core.filetypes import KNOWN_TYPES

SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name
DEFAULT_DATA_DIR = Path("./data")


class Environment(StrEnum):
    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class AutoVerify(StrEnum):
    """How leads are verified in the background when they get an address."""

    OFF = "off"
    OFFLINE = "offline"  # syntax, lists and DNS: no SMTP probe
    FULL = "full"  # with the SMTP probe (unless SMTP_ENABLED=false)


def _split_list(value: Any) -> Any:
    """Lists come as JSON (`["a","b"]`) or, more kindly, comma-separated (`a,b`)."""
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            return json.loads(text)
        return [item.strip() for item in text.split(",") if item.strip()]
    return value


StrList = Annotated[list[str], NoDecode, BeforeValidator(_split_list)]


class AuthSettings(BaseModel):
    access_token_minutes: int = Field(15, ge=1, le=24 * 60)
    refresh_token_days: int = Field(7, ge=1, le=365)
    jwt_algorithm: str = "HS256"
    # Lock an account (by login name) after this many consecutive failures; the lock doubles
    # with every further failure, up to lockout_max_seconds.
    lockout_threshold: int = Field(5, ge=1)
    lockout_base_seconds: int = Field(30, ge=1)
    lockout_max_seconds: int = Field(3600, ge=1)
    # argon2id cost (OWASP: t=3 with 64 MiB); hashes are upgraded at sign-in when it changes.
    argon2_time_cost: int = Field(3, ge=1, le=20)
    argon2_memory_kib: int = Field(65536, ge=1024, le=4 * 1024 * 1024)
    api_key_touch_seconds: int = Field(
        60, ge=0, description="min interval between last-used writes"
    )


class RateLimitSettings(BaseModel):
    enabled: bool = True
    # "N/second|minute|hour|day" per client address
    login: str = "10/minute"
    refresh: str = "30/minute"
    public: str = "60/minute"
    # Per form, whoever submits it: caps what a botnet can pour into one form.
    form: str = "1000/hour"
    # Per workspace: test emails from Settings (each one goes out through the SMTP server).
    test_email: str = "20/hour"

    @field_validator("login", "refresh", "public", "form", "test_email")
    @classmethod
    def _parseable(cls, value: str) -> str:
        try:
            parse_limit(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a rate like '10/minute'") from None
        return value


class JobSettings(BaseModel):
    heartbeat_seconds: float = Field(10.0, gt=0)
    stale_after_seconds: float = Field(60.0, gt=0)
    sweep_interval_seconds: float = Field(30.0, gt=0)
    max_attempts: int = Field(5, ge=1)
    retry_base_seconds: float = Field(5.0, gt=0)
    retry_max_seconds: float = Field(600.0, gt=0)


class WorkerSettings(BaseModel):
    concurrency: int = Field(2, ge=1)
    # Extra modules whose Celery tasks the worker registers (plugins, test tasks).
    extra_task_modules: StrList = []


class HttpSettings(BaseModel):
    cors_origins: StrList = []
    max_body_bytes: int = Field(10 * 1024 * 1024, ge=1024)


class LiveSettings(BaseModel):
    """The live event stream (`GET /api/v1/events`)."""

    keepalive_seconds: float = Field(15.0, gt=0, le=300)
    # A stream ends after this long and the client reconnects (without losing events), so a
    # revoked session or a changed role takes effect within it.
    max_stream_seconds: float = Field(300.0, ge=5, le=24 * 3600)
    # Events remembered per workspace, for clients that reconnect with `Last-Event-ID`.
    replay_events: int = Field(500, ge=0, le=100_000)


class StorageSettings(BaseModel):
    """Where uploaded files (CVs, RFPs) go, and what is accepted."""

    backend: str = Field("local", pattern="^(local|s3)$")
    # Default: <data_dir>/attachments.
    local_dir: Path | None = None
    max_file_bytes: int = Field(25 * 1024 * 1024, ge=1024)
    max_files: int = Field(5, ge=1, le=50)
    # Detected from the bytes (see core/filetypes.py); names, not MIME types.
    allowed_types: StrList = [
        "pdf",
        "doc",
        "docx",
        "odt",
        "rtf",
        "txt",
        "png",
        "jpeg",
        "gif",
        "webp",
    ]
    s3_bucket: str | None = None
    s3_prefix: str = ""
    s3_endpoint_url: str | None = None  # MinIO, Ceph, R2, ...; None = AWS
    s3_region: str | None = None
    s3_access_key_id: str | None = None
    s3_secret_access_key: SecretStr | None = None

    @field_validator("allowed_types")
    @classmethod
    def _known_types(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - set(KNOWN_TYPES))
        if unknown:
            raise ValueError(f"unknown file types {unknown}; known: {sorted(KNOWN_TYPES)}")
        return value


class CaptureSettings(BaseModel):
    """Public form submissions."""

    max_fields: int = Field(50, ge=1, le=500)
    max_field_chars: int = Field(10_000, ge=100)
    edit_token_hours: int = Field(24, ge=1, le=24 * 90)


class ImportSettings(BaseModel):
    """Lead file imports."""

    max_file_bytes: int = Field(2 * 1024**3, ge=1024)
    # Rows written per transaction: each chunk commits with its checkpoint, so a crash repeats
    # at most one chunk's reading and none of its writing.
    chunk_rows: int = Field(5000, ge=10, le=50_000)
    # From this many rows (as estimated) a second process maps the next chunk while one is
    # written; starting it costs ~1 s. 0: always; a prefork worker's tasks never (its pool's
    # processes may not have children, and it already runs jobs in parallel).
    read_ahead_from_rows: int = Field(20_000, ge=0)
    # On PostgreSQL, decide the next chunk (read the workspace for its matches, on a second
    # connection) while this one is written, instead of after its commit: the database and the
    # import's process then work at the same time. Off: one after the other (the same
    # outcomes). SQLite always decides after the commit.
    decide_ahead: bool = True


class SmtpSettings(BaseModel):
    """Outgoing email. Without a host, emails are recorded (and logged) but not sent."""

    host: str | None = None
    port: int = Field(587, ge=1, le=65535)
    username: str | None = None
    password: SecretStr | None = None
    # "starttls" (port 587), "tls" (implicit, port 465) or "none" (a local relay).
    security: str = Field("starttls", pattern="^(starttls|tls|none)$")
    timeout_seconds: float = Field(30.0, gt=0)
    from_address: str = "Leadwise <leadwise@localhost>"
    # Links in emails (the lead's page) start here.
    public_url: str = "http://127.0.0.1:8000"


class VerifySettings(BaseModel):
    """Email verification (syntax, lists, DNS, the SMTP probe). Limits are per process."""

    # Name servers as host[:port] ([v6]:port); empty = the system resolver.
    dns_servers: StrList = []
    dns_timeout: float = Field(5.0, gt=0, le=60)
    smtp_enabled: bool = True  # False: syntax, lists and DNS only
    smtp_port: int = Field(25, ge=1, le=65535)
    # Per reply (the banner too: tarpits delay it on purpose); connecting has its own limit.
    smtp_timeout: float = Field(20.0, gt=0, le=600)
    connect_timeout: float = Field(10.0, gt=0, le=120)
    # The name we greet with (EHLO); default: this machine's FQDN. Use one whose A record and
    # reverse DNS point at the sending IP, or many servers refuse the probe.
    helo_name: str | None = None
    # The envelope sender of probes; empty = the null sender <>.
    mail_from: str = ""
    # socks5://[user:password@]host:port, to probe from a host whose port 25 is open.
    socks_proxy: str | None = None
    # Tests only: connect to MX hosts at private, loopback and link-local addresses.
    allow_private_mx: bool = False
    max_concurrency: int = Field(50, ge=1, le=10_000)  # SMTP probes at once
    rate_per_second: float = Field(20.0, ge=0)  # RCPT commands overall; 0 = no limit
    per_mx_connections: int = Field(2, ge=1, le=100)
    per_mx_rate: float = Field(2.0, ge=0)  # RCPT commands per second to one MX host
    max_rcpt_per_connection: int = Field(10, ge=1, le=100)
    idle_connection_seconds: float = Field(5.0, ge=0)
    max_mx_hosts: int = Field(5, ge=1, le=10)
    dns_cache_seconds: int = Field(3600, ge=0)
    dns_negative_cache_seconds: int = Field(900, ge=0)  # NXDOMAIN, no MX, null MX
    dns_error_cache_seconds: int = Field(60, ge=0)  # SERVFAIL, timeouts
    catch_all_cache_seconds: int = Field(86400, ge=0)
    greylist_retry_seconds: float = Field(300.0, ge=0)
    blocked_seconds: float = Field(3600.0, ge=0)  # pause for a domain whose servers refuse us
    # Where the port 25 pre-flight connects (the first MX of this domain).
    preflight_domain: str = "gmail.com"
    # POST /verify answers within this (a slow MX gives `unknown/timeout`); bulk jobs do not.
    api_timeout_seconds: float = Field(30.0, gt=0, le=600)
    bulk_chunk: int = Field(200, ge=1, le=10_000)  # addresses per step (and checkpoint) of a job
    # Leads created (API, forms, imports) or given a new address are verified by a job after
    # commit. Off by default: verifying contacts outside servers (DNS, and port 25 for `full`),
    # which an installation should choose to do (docs/verification.md).
    on_create: AutoVerify = AutoVerify.OFF
    # Verdicts older than this are checked again by the periodic re-check; 0 = never.
    reverify_after_days: int = Field(90, ge=0, le=3650)
    recheck_interval_seconds: float = Field(300.0, ge=10)  # how often the re-check runs
    recheck_batch: int = Field(500, ge=1, le=100_000)  # leads one re-check run queues at most
    extra_disposable_domains: StrList = []
    not_disposable_domains: StrList = []

    @field_validator("dns_servers")
    @classmethod
    def _servers(cls, value: list[str]) -> list[str]:
        for server in value:
            parse_host_port(server, default_port=53)
        return value

    @field_validator("socks_proxy", "helo_name", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("socks_proxy")
    @classmethod
    def _proxy(cls, value: str | None) -> str | None:
        if value is not None:
            parts = urlsplit(value)
            try:
                port = parts.port
            except ValueError:
                port = None
            if parts.scheme not in ("socks5", "socks5h") or not parts.hostname or port is None:
                raise ValueError(f"{value!r}: expected socks5://[user:password@]host:port")
        return value

    @field_validator("mail_from")
    @classmethod
    def _sender(cls, value: str) -> str:
        value = value.strip().removeprefix("<").removesuffix(">")
        if value and ("@" not in value or any(c.isspace() or c in "<>" for c in value)):
            raise ValueError(f"{value!r} is not an email address (or empty for <>)")
        return value


class CrawlSettings(BaseModel):
    """Website crawling (`leadwise crawl`). Limits are per crawl; politeness is per host."""

    max_pages: int = Field(50, ge=1, le=10_000)
    max_depth: int = Field(3, ge=0, le=20)
    max_page_bytes: int = Field(2 * 1024 * 1024, ge=1024, le=100 * 1024 * 1024)
    time_budget_seconds: float = Field(60.0, gt=0, le=24 * 3600)
    concurrency: int = Field(4, ge=1, le=100)  # requests in flight per crawl
    per_host_concurrency: int = Field(2, ge=1, le=50)
    # Between the starts of two requests to one host; a longer robots.txt Crawl-delay wins.
    delay_seconds: float = Field(0.5, ge=0, le=60)
    request_timeout_seconds: float = Field(15.0, gt=0, le=300)
    respect_robots: bool = True
    use_sitemaps: bool = True
    max_sitemap_urls: int = Field(5000, ge=0, le=1_000_000)
    # A 429/503 asking to wait longer than this gives up on the URL.
    max_retry_after_seconds: float = Field(30.0, ge=0, le=3600)
    max_redirects: int = Field(5, ge=0, le=20)
    http2: bool = True
    user_agent: str = "Mozilla/5.0 (compatible; LeadwiseBot/1.0; +https://leadwise.dev/bot)"
    robots_agent: str = "LeadwiseBot"  # the name robots.txt rules are matched against
    # Tests only: crawl private, loopback and link-local addresses (the SSRF guard is off).
    allow_private_networks: bool = False
    # Networks the guard lets through anyway (an intranet site), e.g. 10.20.0.0/16.
    allowed_networks: StrList = []
    # JavaScript rendering in Chromium (the `render` extra): off; auto renders the pages that
    # look like an empty shell; always renders every HTML page (`leadwise crawl --render`).
    render: Literal["off", "auto", "always"] = "off"
    chromium_path: str = "/usr/bin/chromium"  # the system's Chromium; none is ever downloaded
    render_pool_size: int = Field(2, ge=1, le=16)  # pages rendered at once, in one browser
    render_timeout_seconds: float = Field(15.0, gt=0, le=300)  # per page, network idle or this
    render_max_requests: int = Field(50, ge=1, le=1000)  # a rendered page's own requests
    # Name servers (host or host:port) the crawler asks for A/AAAA records; empty: the
    # operating system's resolver. The SSRF guard checks the addresses either way.
    dns_servers: StrList = []

    @field_validator("allowed_networks")
    @classmethod
    def _networks(cls, value: list[str]) -> list[str]:
        for network in value:
            try:
                ip_network(network, strict=False)
            except ValueError:
                raise ValueError(f"{network!r} is not a network like 10.20.0.0/16") from None
        return value


class EnrichSettings(BaseModel):
    """Company enrichment (`POST /companies/{id}/enrich`, the `enrichment.company` job)."""

    providers: StrList = ["website", "dns"]
    # A provider's stored answer (a crawl, DNS records) is used again for this long; 0: never.
    cache_days: float = Field(30.0, ge=0, le=3650)
    # Per-field write policies over the defaults, e.g. {"company.description": "always_refresh",
    # "lead.job_title": "never"} (docs/enrichment.md).
    policies: dict[str, Literal["fill_if_empty", "always_refresh", "never"]] = {}
    max_leads: int = Field(1000, ge=0, le=100_000)  # a company's leads one run updates at most
    # Enrich the company of every lead created through the API or a form (a job after commit).
    on_create: bool = False

    @field_validator("providers")
    @classmethod
    def _providers(cls, value: list[str]) -> list[str]:
        unknown = sorted(set(value) - {"website", "dns"})
        if unknown:
            raise ValueError(f"unknown providers {unknown}; known: website, dns")
        return value

    @field_validator("policies")
    @classmethod
    def _policy_keys(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if not key.startswith(("company.", "lead.")):
                raise ValueError(f"{key!r}: policy keys are company.<field> or lead.<field>")
        return value


class OtelSettings(BaseModel):
    endpoint: str | None = None
    service_name: str = "leadwise"


class LogSettings(BaseModel):
    level: str = "INFO"
    format: str = Field("json", pattern="^(json|console)$")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="LEADWISE_",
        env_nested_delimiter="__",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        validate_default=True,
    )

    env: Environment = Environment.DEVELOPMENT
    data_dir: Path = DEFAULT_DATA_DIR
    database_url: str | None = None
    broker_url: str | None = None
    redis_url: str | None = None
    secret_key: SecretStr | None = None
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    # Per process; with max_overflow = half of it. Below the concurrency a worker sees, the
    # pool opens and closes connections all the time.
    db_pool_size: int = Field(20, ge=1)
    # SQLite's page cache per connection (its default is 2 MiB): large imports insert into a
    # dozen indexes of `leads`, and with 2 MiB every insert read index pages back from the OS.
    # Each pooled connection keeps its own: 128 MiB put a million-row import over 1 GB.
    db_sqlite_cache_mib: int = Field(32, ge=2, le=4096)
    db_echo: bool = False

    auth: AuthSettings = AuthSettings()
    rate_limit: RateLimitSettings = RateLimitSettings()
    jobs: JobSettings = JobSettings()
    worker: WorkerSettings = WorkerSettings()
    http: HttpSettings = HttpSettings()
    live: LiveSettings = LiveSettings()
    storage: StorageSettings = StorageSettings()
    capture: CaptureSettings = CaptureSettings()
    imports: ImportSettings = ImportSettings()
    smtp: SmtpSettings = SmtpSettings()
    verify: VerifySettings = VerifySettings()
    crawl: CrawlSettings = CrawlSettings()
    enrich: EnrichSettings = EnrichSettings()
    otel: OtelSettings = OtelSettings()
    log: LogSettings = LogSettings()

    @field_validator("database_url", "broker_url", "redis_url", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("database_url")
    @classmethod
    def _known_database(cls, value: str | None) -> str | None:
        if value is None:
            return None
        value = normalise_database_url(value)
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must be a sqlite:// or postgresql:// URL")
        return value

    @model_validator(mode="after")
    def _resolve_defaults(self) -> Settings:
        self.data_dir = self.data_dir.expanduser().resolve()
        if self.database_url is None:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / 'leadwise.sqlite3'}"
        if self.storage.local_dir is None:
            self.storage.local_dir = self.data_dir / "attachments"
        if self.storage.backend == "s3" and not self.storage.s3_bucket:
            raise ValueError("LEADWISE_STORAGE__S3_BUCKET must be set when the backend is s3")
        if self.broker_url is None:
            self.broker_url = f"sqla+sqlite:///{self.data_dir / 'broker.sqlite3'}"
        if self.secret_key is None:
            if self.env is Environment.PRODUCTION:
                raise ValueError(
                    "LEADWISE_SECRET_KEY must be set in production (at least 32 characters)"
                )
        elif self.env is Environment.PRODUCTION and (
            len(self.secret_key.get_secret_value()) < 32
            or self.secret_key.get_secret_value() in WEAK_SECRETS
        ):
            raise ValueError(
                "LEADWISE_SECRET_KEY is too weak for production (32+ random characters)"
            )
        return self

    @property
    def is_sqlite(self) -> bool:
        return str(self.database_url).startswith("sqlite")

    @property
    def sqlalchemy_url(self) -> str:
        assert self.database_url is not None
        return self.database_url

    @property
    def resolved_broker_url(self) -> str:
        assert self.broker_url is not None
        return self.broker_url

    def signing_key(self) -> str:
        """The JWT signing key: configured, or generated once and kept in the data dir."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        return _load_or_create_secret(self.data_dir)


def parse_host_port(text: str, *, default_port: int) -> tuple[str, int]:
    """`1.1.1.1`, `127.0.0.1:5353`, `::1` or `[::1]:5353` -> (host, port)."""
    value = text.strip()
    try:
        if value.startswith("["):
            host, _, rest = value[1:].partition("]")
            port = int(rest[1:]) if rest.startswith(":") else default_port
        elif value.count(":") == 1:
            host, _, port_text = value.partition(":")
            port = int(port_text)
        else:
            host, port = value, default_port
    except ValueError:
        host, port = "", 0
    if not host or not 0 < port < 65536:
        raise ValueError(f"{text!r} is not host[:port]")
    return host, port


WEAK_SECRETS = {"changeme", "secret", "change-me", "development", "leadwise"}


def normalise_database_url(url: str) -> str:
    """Accept the plain URLs people paste and pick the async drivers we ship."""
    for plain, driver in (
        ("postgres://", "postgresql+asyncpg://"),
        ("postgresql://", "postgresql+asyncpg://"),
        ("postgresql+psycopg://", "postgresql+asyncpg://"),
        ("sqlite://", "sqlite+aiosqlite://"),
    ):
        if url.startswith(plain):
            return driver + url[len(plain) :]
    return url


@lru_cache(maxsize=8)  # read once per process: it is needed on every request
def _load_or_create_secret(data_dir: Path) -> str:
    path = data_dir / SECRET_KEY_FILE
    if path.exists():
        return path.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # Exclusive create: when two processes start together only one key wins, both use it.
    try:
        with path.open("x") as handle:
            handle.write(key)
        path.chmod(0o600)
    except FileExistsError:
        return path.read_text().strip()
    return key


class SettingsError(Exception):
    """Invalid configuration, with messages that name the environment variables."""

    def __init__(self, error: ValidationError) -> None:
        self.problems = [_describe(item) for item in error.errors()]
        super().__init__("invalid settings:\n  " + "\n  ".join(self.problems))

    @classmethod
    def from_message(cls, message: str) -> SettingsError:
        instance = cls.__new__(cls)
        instance.problems = [message]
        Exception.__init__(instance, f"invalid settings:\n  {message}")
        return instance


def _describe(item: Any) -> str:
    location = [str(part) for part in item["loc"] if part not in ("", "__root__")]
    message = str(item["msg"]).removeprefix("Value error, ")
    if not location:
        return message
    return f"LEADWISE_{'__'.join(location).upper()}: {message}"


def load_settings(**overrides: Any) -> Settings:
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(error) from None
    except SourceError as error:  # a value that is not even parseable (bad JSON)
        raise SettingsError.from_message(str(error)) from None


@lru_cache
def get_settings() -> Settings:
    return load_settings()
