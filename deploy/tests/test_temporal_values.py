"""The Helm values for the official Temporal chart: MySQL 8 for both stores, Web UI on, no secrets."""
import pytest
import yaml

from manifests import DEPLOY

VALUES = DEPLOY / "temporal" / "values.yaml"


@pytest.fixture(scope="module")
def values():
    return yaml.safe_load(VALUES.read_text())


def test_default_and_visibility_stores_are_mysql8_from_an_existing_secret(values):
    persistence = values["server"]["config"]["persistence"]
    stores = persistence["datastores"]
    assert stores.keys() >= {persistence["defaultStore"], persistence["visibilityStore"]}
    assert stores[persistence["defaultStore"]]["sql"]["databaseName"] != stores[persistence["visibilityStore"]]["sql"]["databaseName"]
    for name in (persistence["defaultStore"], persistence["visibilityStore"]):
        sql = stores[name]["sql"]
        assert sql["pluginName"] == "mysql8"
        assert sql["existingSecret"] and sql["secretKey"]
        assert "password" not in sql, f"{name}: password must come from the Secret"
        host, port = sql["connectAddr"].split(":")
        assert host and port == "3306"


def test_web_ui_is_enabled_and_the_default_namespace_is_created(values):
    assert values["web"]["enabled"] is True
    namespaces = values["server"]["config"]["namespaces"]
    assert namespaces["create"] is True
    assert "default" in [n["name"] for n in namespaces["namespace"]]


def test_no_secret_material_anywhere_in_the_values(values):
    def walk(node, path=""):
        if isinstance(node, dict):
            for key, value in node.items():
                lowered = key.lower()
                if any(word in lowered for word in ("password", "apikey", "token")) and value not in (None, ""):
                    pytest.fail(f"{path}.{key} carries a value")
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{path}[{i}]")
    walk(values)
