"""``Config``: where each setting comes from, and what a bad one says.

Every test hands ``Config.load`` its environment (``environ={...}``), so the variables of the
machine running the tests never leak in."""

from __future__ import annotations

import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from onrecord.config import ENV_PREFIX, RENAMED_VARIABLES, Config, export_environment
from onrecord.errors import ConfigError

# --- where settings come from ---------------------------------------------------------------


def test_defaults_then_file_then_variables_then_arguments(tmp_path: Path) -> None:
    file = tmp_path / "onrecord.toml"
    file.write_text('model = "file_model"\ndb = "sqlite:///file.db"\npage_size = 10\n', encoding="utf-8")
    environ = {"ONRECORD_DB": "sqlite:///env.db", "ONRECORD_PAGE_SIZE": "20"}
    config = Config.load(file, environ=environ, page_size=30)
    assert config.max_body_bytes == Config.load(environ={}).max_body_bytes  # a default
    assert config.model == "file_model"  # the file over the default
    assert config.db == "sqlite:///env.db"  # a variable over the file
    assert config.page_size == 30  # an argument over a variable


def test_arguments_left_unset_do_not_override(tmp_path: Path) -> None:
    # an option not given on the command line arrives as None
    assert Config.load(environ={"ONRECORD_MODEL": "env_model"}, model=None).model == "env_model"


def test_file_named_by_a_variable(tmp_path: Path) -> None:
    file = tmp_path / "settings.yaml"
    file.write_text("model: yaml_model\n", encoding="utf-8")
    assert Config.load(environ={"ONRECORD_CONFIG": str(file)}).model == "yaml_model"
    assert Config.load(environ={"ONRECORD_WEB_CONFIG": str(file)}).model == "yaml_model"


def test_web_table_in_toml(tmp_path: Path) -> None:
    file = tmp_path / "onrecord.toml"
    file.write_text('db = "sqlite:///web.db"\n\n[web]\npage_size = 7\nprotect_reads = true\n', encoding="utf-8")
    config = Config.load(file, environ={})
    assert (config.db, config.page_size, config.protect_reads) == ("sqlite:///web.db", 7, True)


def test_relative_paths_in_a_file_are_relative_to_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    folder = tmp_path / "conf"
    folder.mkdir()
    file = folder / "onrecord.toml"
    file.write_text('taxonomy = "lexicons/my.yaml"\n[web]\napi_token_file = "secret/api"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # elsewhere than the file
    config = Config.load(file, environ={})
    assert config.taxonomy == str(folder / "lexicons" / "my.yaml")
    assert config.api_token_file == str(folder / "secret" / "api")
    # given as an argument, a relative path is relative to where we are, and kept whole
    assert Config.load(environ={}, aliases="a.yaml").aliases == str(tmp_path / "a.yaml")


def test_empty_variables_count_as_unset(tmp_path: Path) -> None:
    file = tmp_path / "onrecord.toml"
    file.write_text('model = "file_model"\n', encoding="utf-8")
    config = Config.load(file, environ={"ONRECORD_MODEL": "", "ONRECORD_PAGE_SIZE": "", "ONRECORD_API_TOKEN": ""})
    assert (config.model, config.page_size, config.api_token) == ("file_model", 50, None)


def test_read_token_variable() -> None:
    config = Config.load(environ={"ONRECORD_API_READ_TOKEN": "r3ad"})
    assert config.read_token == "r3ad"
    assert config.reads_protected


def test_other_onrecord_variables_are_not_settings() -> None:
    # e.g. the test suite's own PostgreSQL URL: not a setting, not an error
    assert Config.load(environ={"ONRECORD_TEST_PG_URL": "postgresql://x"}) == Config.load(environ={})


# --- tokens ----------------------------------------------------------------------------------


def test_token_from_its_file(tmp_path: Path) -> None:
    (tmp_path / "api").write_text("s3cret\n", encoding="utf-8")
    (tmp_path / "read").write_text("r3ad\n", encoding="utf-8")
    config = Config.load(environ={"ONRECORD_API_TOKEN_FILE": str(tmp_path / "api"),
                                  "ONRECORD_API_READ_TOKEN_FILE": str(tmp_path / "read")})
    assert (config.token("api"), config.token("read")) == ("s3cret", "r3ad")
    assert config.reads_protected


def test_a_token_given_wins_over_its_file(tmp_path: Path) -> None:
    (tmp_path / "api").write_text("from-file", encoding="utf-8")
    assert Config.load(environ={}, api_token="given", api_token_file=str(tmp_path / "api")).token("api") == "given"


def test_unreadable_token_file_names_the_setting(tmp_path: Path) -> None:
    config = Config.load(environ={}, api_token_file=str(tmp_path / "missing"))
    with pytest.raises(ConfigError, match="api_token_file"):
        config.token("api")


def test_tokens_stay_out_of_repr() -> None:
    config = Config.load(environ={}, api_token="s3cret", read_token="r3ad", stance_url="http://x/v1",
                         stance_model="m", stance_api_key="k3y")
    assert not [secret for secret in ("s3cret", "r3ad", "k3y") if secret in repr(config)]


# --- bad settings ----------------------------------------------------------------------------


def test_misspelt_key_in_a_file_names_it(tmp_path: Path) -> None:
    file = tmp_path / "onrecord.toml"
    file.write_text('taxonmy = "my.yaml"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="taxonmy"):
        Config.load(file, environ={})


def test_misspelt_argument_names_it() -> None:
    with pytest.raises(ConfigError, match="page_sise"):
        Config.load(environ={}, page_sise=3)


@pytest.mark.parametrize("environ", [{"ONRECORD_PAGE_SIZE": "many"}, {"ONRECORD_PAGE_SIZE": "0"},
                                     {"ONRECORD_MAX_BODY_BYTES": "-1"}])
def test_bad_number_names_the_setting(environ: dict[str, str]) -> None:
    name = next(iter(environ)).removeprefix(ENV_PREFIX).lower()
    with pytest.raises(ConfigError, match=name):
        Config.load(environ=environ)


@pytest.mark.parametrize("given", [{"stance_url": "http://localhost:11434/v1"}, {"stance_model": "qwen"}])
def test_half_a_stance_endpoint(given: dict[str, str]) -> None:
    with pytest.raises(ConfigError) as e:
        Config.load(environ={}, **given)
    message = str(e.value)
    assert "stance" in message
    assert "stance-url" in message or "stance_url" in message
    assert "stance-model" in message or "stance_model" in message


def test_bad_file_is_a_config_error(tmp_path: Path) -> None:
    file = tmp_path / "onrecord.toml"
    file.write_text("model = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="onrecord.toml"):
        Config.load(file, environ={})
    with pytest.raises(ConfigError, match="missing.toml"):
        Config.load(tmp_path / "missing.toml", environ={})


# --- changed copies --------------------------------------------------------------------------


def test_merged_validates_again() -> None:
    config = Config.load(environ={})
    with pytest.raises(ConfigError, match="page_size"):
        config.merged(page_size=0)
    with pytest.raises(ConfigError, match="stance"):
        config.merged(stance_url="http://localhost:11434/v1")
    assert config.merged(taxonomy=None) is config  # nothing given, nothing changed


def test_merged_does_not_read_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    config = Config.load(environ={}, db="sqlite:///given.db")
    monkeypatch.setenv("ONRECORD_DB", "sqlite:///from-env.db")
    monkeypatch.setenv("ONRECORD_PAGE_SIZE", "3")
    monkeypatch.setenv("ONRECORD_API_READ_TOKEN", "r3ad")
    merged = config.merged(model="other_model")
    assert merged.model == "other_model"
    assert merged == config.model_copy(update={"model": "other_model"})


def test_config_is_frozen() -> None:
    config = Config.load(environ={})
    with pytest.raises(ValidationError):
        config.model = "other"  # type: ignore[misc]


def test_config_is_picklable(tmp_path: Path) -> None:
    # worker processes get it through their initializer
    config = Config.load(environ={}, taxonomy=str(tmp_path / "t.yaml"), api_token="s3cret")
    copy = pickle.loads(pickle.dumps(config))
    assert copy == config
    assert copy.api_token == "s3cret"


# --- the environment of other processes ------------------------------------------------------


@pytest.fixture
def exportable(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """No settings variable set; each put back as it was after the test (``export_environment``
    writes this process's environment)."""
    renamed = {field: variable for variable, field in RENAMED_VARIABLES.items()}
    variables = [renamed.get(name, ENV_PREFIX + name.upper()) for name in Config.model_fields]
    for variable in [*variables, "ONRECORD_CONFIG", "ONRECORD_WEB_CONFIG"]:
        monkeypatch.setenv(variable, "")  # remembers it as it was (delenv of an unset one would not)
        monkeypatch.delenv(variable)
    return monkeypatch


def test_exported_environment_gives_the_same_config(tmp_path: Path, exportable: pytest.MonkeyPatch) -> None:
    config = Config.load(
        environ={}, model="some_model", taxonomy=str(tmp_path / "t.yaml"), aliases=str(tmp_path / "a.yaml"),
        stance_url="http://localhost:11434/v1", stance_model="qwen", stance_api_key="k3y",
        db=f"sqlite:///{tmp_path / 'x.db'}", api_token="s3cret", api_token_file=str(tmp_path / "api"),
        read_token="r3ad", read_token_file=str(tmp_path / "read"), protect_reads=True, max_body_bytes=1234,
        page_size=9,
    )  # fmt: skip
    export_environment(config)
    environ = dict(os.environ)
    probe = "from onrecord.config import Config; print(Config.load().model_dump_json())"
    done = subprocess.run([sys.executable, "-c", probe], env=environ, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == config.model_dump()
    assert Config.load(environ=environ) == config


def test_export_removes_what_is_unset(exportable: pytest.MonkeyPatch) -> None:
    exportable.setenv("ONRECORD_TAXONOMY", "/old/taxonomy.yaml")
    export_environment(Config.load(environ={}))
    assert "ONRECORD_TAXONOMY" not in os.environ
