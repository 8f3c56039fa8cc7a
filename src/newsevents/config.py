"""One settings object for newsevents.

Values come from, in increasing priority: the packaged ``default.cfg``, a user file (``NEWSEVENTS_CONFIG`` or
``./newsevents.cfg``), environment variables ``NEWSEVENTS_<KEY>``, and keyword overrides (what CLI flags pass).
"""
from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import Code, PipelineError

_SECTION = "newsevents"


@dataclass(frozen=True)
class Settings:
    """Resolved settings; see ``default.cfg`` for what each key means."""

    model: str
    stages: tuple[str, ...]
    max_bytes: int
    fetch_timeout: float
    fetch_max_bytes: int
    user_agent: str
    language_min_chars: int
    batch_size: int
    n_process: int
    data_dir: Path

    def with_overrides(self, **overrides: object) -> "Settings":
        """A copy with the given non-None values replaced (CLI flags)."""
        given = {k: v for k, v in overrides.items() if v is not None}
        return replace(self, **{k: _coerce(k, v) for k, v in given.items()})


def _coerce(key: str, value: object) -> object:
    kinds = {f.name: f.type for f in fields(Settings)}
    kind = kinds.get(key)
    if kind is None:
        raise PipelineError(Code.E204, key=key, value=value, detail="unknown setting")
    try:
        if kind == "tuple[str, ...]":
            if isinstance(value, str):
                return tuple(s.strip() for s in value.split(",") if s.strip())
            return tuple(value)  # type: ignore[arg-type]
        if kind == "int":
            return int(value)  # type: ignore[arg-type]
        if kind == "float":
            return float(value)  # type: ignore[arg-type]
        if kind == "Path":
            text = str(value).strip()
            return Path(text).expanduser() if text else Path.home() / ".cache" / "newsevents"
        return str(value)
    except (TypeError, ValueError) as exc:
        raise PipelineError(Code.E204, key=key, value=value, detail=str(exc)) from exc


def _read_cfg(parser: configparser.ConfigParser) -> dict[str, str]:
    return dict(parser[_SECTION]) if parser.has_section(_SECTION) else {}


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings in force for this process (cached; call ``get_settings.cache_clear()`` in tests)."""
    parser = configparser.ConfigParser()
    parser.read_string(resources.files("newsevents").joinpath("default.cfg").read_text("utf-8"))
    values = _read_cfg(parser)
    user_file = os.environ.get("NEWSEVENTS_CONFIG") or "newsevents.cfg"
    if Path(user_file).is_file():
        user = configparser.ConfigParser()
        user.read(user_file, encoding="utf-8")
        values.update(_read_cfg(user))
    for f in fields(Settings):
        env = os.environ.get(f"NEWSEVENTS_{f.name.upper()}")
        if env is not None:
            values[f.name] = env
    return Settings(**{f.name: _coerce(f.name, values.get(f.name, "")) for f in fields(Settings)})
