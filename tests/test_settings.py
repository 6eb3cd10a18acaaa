"""Settings: precedence defaults < onrecord.toml < ONRECORD_* env < overrides; every setting documented."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from onrecord.errors import ConfigError
from onrecord.settings import SETTING_DOCS, Settings, resolve_settings

README = Path(__file__).resolve().parent.parent / "README.md"


def test_defaults(tmp_path):
    s = resolve_settings(env={}, config_path=tmp_path / "absent.toml")
    assert s == Settings()
    assert s.db == "sqlite:///onrecord.db" and s.languages == ("en", "ru")


def test_precedence(tmp_path):
    toml = tmp_path / "onrecord.toml"
    toml.write_text('batch_size = 8\nmax_bytes = 100\nerror_ratio = 0.1\nlanguages = ["en"]\nprogress = false\n', "utf-8")
    env = {"ONRECORD_MAX_BYTES": "200", "ONRECORD_ERROR_RATIO": "0.2", "ONRECORD_DB": "env.db"}
    s = resolve_settings({"error_ratio": 0.3, "batch_size": None}, env=env, config_path=toml)
    assert s.batch_size == 8  # toml over default; a None override is ignored
    assert s.max_bytes == 200  # env over toml
    assert s.error_ratio == 0.3  # override over env
    assert s.languages == ("en",) and s.progress is False
    assert s.db == "sqlite:///env.db"  # a bare path becomes a SQLite URL


def test_toml_onrecord_table_and_config_env(tmp_path):
    cfg = tmp_path / "other.toml"
    cfg.write_text("[onrecord]\nfetch_timeout = 3\n", "utf-8")
    s = resolve_settings(env={"ONRECORD_CONFIG": str(cfg)})
    assert s.fetch_timeout == 3.0


def test_env_types_and_spacy_model(tmp_path):
    env = {"ONRECORD_PROGRESS": "no", "ONRECORD_LANGUAGES": "en, ru ,", "ONRECORD_SPACY_MODEL": "my_model"}
    s = resolve_settings(env=env, config_path=tmp_path / "absent.toml")
    assert s.progress is False and s.languages == ("en", "ru")
    assert s.spacy_model_names("en") == ("my_model",)


def test_unknown_keys_error_with_a_hint(tmp_path):
    toml = tmp_path / "onrecord.toml"
    toml.write_text("batchsize = 8\n", "utf-8")
    with pytest.raises(ConfigError) as err:
        resolve_settings(env={}, config_path=toml)
    assert "batchsize" in str(err.value) and "Did you mean 'batch_size'?" in err.value.hint
    with pytest.raises(ConfigError) as err:
        resolve_settings({"nope": 1}, env={}, config_path=tmp_path / "absent.toml")
    assert "nope" in str(err.value) and "batch_size" in err.value.hint


def test_bad_values_error(tmp_path):
    with pytest.raises(ConfigError):
        resolve_settings(env={"ONRECORD_BATCH_SIZE": "many"}, config_path=tmp_path / "absent.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("batch_size = [", "utf-8")
    with pytest.raises(ConfigError):
        resolve_settings(env={}, config_path=bad)


def test_every_setting_has_docs():
    names = {f.name for f in fields(Settings)}
    assert names == set(SETTING_DOCS)
    assert all(doc.strip() for doc in SETTING_DOCS.values())


def test_every_setting_in_readme_table():
    text = README.read_text("utf-8")
    section = text.split("## Settings", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\|\s*`([a-z_]+)`\s*\|", section, re.M))
    assert {f.name for f in fields(Settings)} <= documented, "settings missing from README's table"
    assert documented <= {f.name for f in fields(Settings)}, "README documents settings that do not exist"
