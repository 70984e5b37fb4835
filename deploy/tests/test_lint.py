"""yamllint over every YAML file an operator reads or applies."""
from pathlib import Path

import pytest
from yamllint import linter
from yamllint.config import YamlLintConfig

from manifests import DEPLOY

CONFIG = YamlLintConfig(file=str(Path(__file__).parent / "yamllint.yaml"))
YAML_FILES = sorted(p for p in DEPLOY.rglob("*.y*ml") if ".venv" not in p.parts)


def test_there_are_yaml_files_to_lint():
    assert len(YAML_FILES) >= 20


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(DEPLOY)))
def test_yaml_file_is_lint_clean(path):
    problems = [f"{path.relative_to(DEPLOY)}:{p.line}:{p.column} {p.rule}: {p.desc}"
                for p in linter.run(path.read_text(), CONFIG, str(path))]
    assert not problems, "\n".join(problems)
