"""The web app's settings: what it needs of the ``Config``, token files read once when it starts."""

from __future__ import annotations

from dataclasses import dataclass

from onrecord.config import DEFAULT_MAX_BODY, Config


@dataclass(frozen=True)
class WebSettings:
    """What the app needs of the settings (``Config``), token files read once when it starts."""

    api_token: str | None = None
    read_token: str | None = None
    protect_reads: bool = False
    max_body_bytes: int = DEFAULT_MAX_BODY
    page_size: int = 50
    ingest_queue: int = 8
    ingest_budget_s: float = 120.0
    allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_config(cls, config: Config) -> WebSettings:
        hosts = tuple(h.strip() for h in (config.allowed_hosts or "").split(",") if h.strip())
        return cls(api_token=config.token("api"), read_token=config.token("read"), protect_reads=config.protect_reads,
                   max_body_bytes=config.max_body_bytes, page_size=config.page_size,
                   ingest_queue=config.ingest_queue, ingest_budget_s=config.ingest_budget_s, allowed_hosts=hosts)

    @property
    def reads_protected(self) -> bool:
        return bool(self.read_token) or self.protect_reads

    def read_tokens(self) -> list[str]:
        """Tokens that open reading: the read token and the API token (who may write may read)."""
        return [t for t in (self.read_token, self.api_token) if t]
