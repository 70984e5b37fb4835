"""Temporal's store as the real stack runs it (scripts/stack) and as the Helm values deploy it.

The stack is what CI tests, so production must run the same store: the same SQL plugin, the same
databases for history and for visibility, SQL visibility rather than Elasticsearch, the same pool
sizes and the same server release. `disagreements` returns one human-readable line per difference
(empty when the two agree), so a test can assert the real files agree and prove, on a doctored
copy of either side, that the check bites.
"""
from __future__ import annotations

import re

import yaml

from manifests import REPOSITORY

STACK = REPOSITORY / "scripts"
STACK_SERVER_CONFIG = STACK / "stack" / "temporal-server.yaml"
STACK_INSTALL_SCRIPT = STACK / "stack" / "install-temporal-server.sh"
STACK_SCRIPT = STACK / "stack.sh"
POOL_KEYS = ("maxConns", "maxIdleConns", "maxConnLifetime")


def stack_server_config() -> dict:
    """The stack's server config, parsed. It is a Go template: every `{{ ... }}` (an environment
    value stack.sh gives each process) becomes a placeholder, which leaves valid YAML."""
    text = re.sub(r"\{\{.*?\}\}", "TEMPLATED", STACK_SERVER_CONFIG.read_text())
    return yaml.safe_load(text)


def stack_server_version() -> str:
    """The Temporal server release the stack builds, e.g. "1.32.2" (without the Go module's "v")."""
    match = re.search(r'^TEMPORAL_SERVER_VERSION="v?([0-9][^"]*)"$', STACK_INSTALL_SCRIPT.read_text(), re.MULTILINE)
    assert match, f"no TEMPORAL_SERVER_VERSION in {STACK_INSTALL_SCRIPT.name}"
    return match.group(1)


def stack_schema_setup() -> dict:
    """How stack.sh prepares Temporal's databases (its function provision_postgres): the databases
    it creates, the plugin temporal-sql-tool runs with, and which schema directory each database
    is set up and migrated from."""
    body = re.search(r"^provision_postgres\(\) \{\n(.*?)^\}", STACK_SCRIPT.read_text(), re.MULTILINE | re.DOTALL)
    assert body, "no provision_postgres() in stack.sh"
    body = body.group(1)
    loops = re.findall(r"^\s*for db in ([^;]+); do$", body, re.MULTILINE)
    assert len(loops) == 2, f"expected a create loop and a schema loop, found {loops}"
    plugin = re.search(r'"\$tool" --plugin (\S+)', body)
    schema_root = re.search(r'schema="\$TEMPORAL_SERVER_DIR/(schema/[^"]+)"', body)
    return {
        "created": set(loops[0].split()),
        "owned_by_temporal": "CREATE DATABASE $db OWNER temporal" in body,
        "plugin": plugin.group(1) if plugin else None,
        "schema_root": schema_root.group(1) if schema_root else None,
        "schema_dirs": dict(pair.split(":") for pair in loops[1].split()),
        "setup_and_update": "setup-schema -v 0.0" in body and "update-schema -d" in body,
    }


def stores(config: dict) -> dict[str, dict]:
    """{"default": <datastore>, "visibility": <datastore>} of a server config's persistence."""
    persistence = config["persistence"]
    return {role: persistence["datastores"][persistence[f"{role}Store"]] for role in ("default", "visibility")}


def disagreements(values: dict, stack_config: dict, stack_version: str) -> list[str]:
    """Where the Helm values' store differs from the stack's."""
    problems = []
    ours, theirs = stores(values["server"]["config"]), stores(stack_config)
    for role in ("default", "visibility"):
        if "sql" not in ours[role] or "sql" not in theirs[role]:
            problems.append(f"{role} store: values {sorted(ours[role])}, stack {sorted(theirs[role])}; both must be sql")
            continue
        helm, stack = ours[role]["sql"], theirs[role]["sql"]
        for key in ("pluginName", "databaseName", "user", *POOL_KEYS):
            if helm.get(key) != stack.get(key):
                problems.append(f"{role} store {key}: values {helm.get(key)!r}, stack {stack.get(key)!r}")
        if helm.get("driverName", helm.get("pluginName")) != helm.get("pluginName"):
            problems.append(f"{role} store: driverName {helm.get('driverName')!r} is not the plugin")
    for image in ("server", "admintools"):
        tag = str(values.get(image, {}).get("image", {}).get("tag"))
        if tag != stack_version:
            problems.append(f"{image}.image.tag {tag!r}, the stack runs {stack_version!r}")
    return problems
