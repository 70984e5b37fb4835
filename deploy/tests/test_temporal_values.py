"""The Helm values for the official Temporal chart: MySQL 8 for both stores, Web UI on, no secrets."""
from urllib.parse import urlsplit

import pytest
import yaml

from manifests import DEPLOY, named

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


def test_the_web_ui_logs_operators_in_at_the_platforms_issuer_and_forwards_their_token_to_the_codec_server(
        values, prod):
    env = {e["name"]: e for e in values["web"]["additionalEnv"]}
    setting = {name: e.get("value") for name, e in env.items()}
    config = named(prod, "ConfigMap", "orderflow-config")["data"]
    assert setting["TEMPORAL_AUTH_ENABLED"] == "true"
    assert setting["TEMPORAL_AUTH_PROVIDER_URL"] == config["SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"]
    assert "orders:admin" in setting["TEMPORAL_AUTH_SCOPES"].split(",")
    assert env["TEMPORAL_AUTH_CLIENT_SECRET"]["valueFrom"]["secretKeyRef"]["name"] == "temporal-ui-oidc"
    # The UI forwards the operator's token only to an https endpoint, and only with these two on.
    assert setting["TEMPORAL_CODEC_ENDPOINT"].startswith("https://")
    assert setting["TEMPORAL_CODEC_PASS_ACCESS_TOKEN"] == "true"
    assert setting["TEMPORAL_CODEC_INCLUDE_CREDENTIALS"] == "true"
    # The codec server admits the UI's pages by their origin, the one its login returns to.
    callback = urlsplit(setting["TEMPORAL_AUTH_CALLBACK_URL"])
    allowed = config["ORDERFLOW_CODEC_SERVER_ALLOWED_ORIGINS"].split(",")
    assert f"{callback.scheme}://{callback.netloc}" in allowed
    readme = (DEPLOY / "README.md").read_text()
    assert "kubectl -n temporal create secret generic temporal-ui-oidc" in readme
    assert "--from-literal=client-secret=" in readme


def test_closed_orders_are_kept_longer_than_an_order_can_still_be_asked_about(values):
    # The gateway reads a finished order from its closed workflow (the view in its memo), so the
    # namespace must keep closed workflows at least as long as anyone may still ask: the delivery
    # deadline (P14D, CheckoutPolicy) plus a 30-day return window after delivery.
    namespace = next(n for n in values["server"]["config"]["namespaces"]["namespace"] if n["name"] == "default")
    retention = namespace["retention"]
    assert retention.endswith("d"), f"retention {retention!r} is given in days"
    assert int(retention[:-1]) >= 14 + 30
