"""The Helm values for the official Temporal chart: PostgreSQL for both stores over verified TLS, the
same store, databases and server release the real stack runs (and CI tests), Web UI on, no secrets."""
import copy
from urllib.parse import urlsplit

import pytest
import yaml

from manifests import DEPLOY, named
from temporal_store import (disagreements, stack_schema_setup, stack_server_config, stack_server_version,
                            stores)

VALUES = DEPLOY / "temporal" / "values.yaml"


@pytest.fixture(scope="module")
def values():
    return yaml.safe_load(VALUES.read_text())


@pytest.fixture(scope="module")
def stack():
    return stack_server_config()


def sql_stores(values):
    return {role: store["sql"] for role, store in stores(values["server"]["config"]).items()}


def test_default_and_visibility_stores_are_postgres12_from_an_existing_secret(values):
    sql = sql_stores(values)
    assert sql["default"]["databaseName"] != sql["visibility"]["databaseName"]
    for role, store in sql.items():
        assert store["pluginName"] == store["driverName"] == "postgres12", role
        assert store["existingSecret"] == "temporal-db" and store["secretKey"] == "password", role
        assert "password" not in store, f"{role}: the password must come from the Secret"
        host, port = store["connectAddr"].split(":")
        assert host and port == "5432", role


def test_both_stores_reach_postgresql_over_tls_that_verifies_the_servers_name_against_a_mounted_ca(values):
    # The server's postgres plugin turns enabled + enableHostVerification into sslmode=verify-full
    # and caFile into sslrootcert; the schema jobs get the same through SQL_TLS_*.
    for role, store in sql_stores(values).items():
        tls = store["tls"]
        assert tls["enabled"] is True and tls["enableHostVerification"] is True, role
        ca_dir = tls["caFile"].rsplit("/", 1)[0]
        # Mounted in the server pods and in the schema jobs (which run in the admin-tools image).
        for component in ("server", "admintools"):
            mounts = {m["mountPath"]: m["name"] for m in values[component]["additionalVolumeMounts"]}
            volumes = {v["name"]: v for v in values[component]["additionalVolumes"]}
            assert ca_dir in mounts, f"{component} does not mount {ca_dir}"
            assert volumes[mounts[ca_dir]]["secret"]["secretName"] == "temporal-db-ca", component


def test_the_operator_creates_the_databases_and_the_charts_jobs_manage_the_schemas(values):
    # No CREATEDB for Temporal's user: the databases exist before the install (deploy/README.md).
    for role, store in sql_stores(values).items():
        assert store["createDatabase"] is False and store["manageSchema"] is True, role
    readme = (DEPLOY / "README.md").read_text()
    assert "kubectl -n temporal create secret generic temporal-db --from-literal=password=" in readme
    assert "kubectl -n temporal create secret generic temporal-db-ca --from-file=ca.crt=" in readme
    for store in sql_stores(values).values():
        assert f"CREATE DATABASE {store['databaseName']} OWNER {store['user']}" in readme


def test_the_values_run_the_store_and_the_server_release_the_stack_runs(values, stack):
    assert disagreements(values, stack, stack_server_version()) == []


@pytest.mark.parametrize("side, change", [
    ("values", lambda v: v["server"]["config"]["persistence"]["datastores"]["default"]["sql"].update(pluginName="mysql8")),
    ("values", lambda v: v["server"]["config"]["persistence"]["datastores"]["visibility"]["sql"].update(
        databaseName="visibility")),
    ("values", lambda v: v["server"]["config"]["persistence"]["datastores"]["default"]["sql"].update(maxConns=50)),
    ("values", lambda v: v["server"]["image"].update(tag="1.31.2")),
    ("values", lambda v: v["admintools"]["image"].pop("tag")),
    ("stack", lambda s: s["persistence"]["datastores"]["default"]["sql"].update(databaseName="temporal_history")),
    ("stack", lambda s: s["persistence"]["datastores"].update(
        visibility={"elasticsearch": {"version": "v7", "indices": {"visibility": "temporal_visibility_v1"}}})),
])
def test_changing_one_side_only_is_a_disagreement(values, stack, side, change):
    values, stack = copy.deepcopy(values), copy.deepcopy(stack)
    change(values if side == "values" else stack)
    assert disagreements(values, stack, stack_server_version())


def test_visibility_is_sql_advanced_visibility_in_both_not_elasticsearch(values, stack):
    for config in (values["server"]["config"], stack):
        visibility = stores(config)["visibility"]
        assert list(visibility) == ["sql"]
        assert "elasticsearch" not in str(config["persistence"])
    assert "elasticsearch" not in values


def test_the_stacks_schema_tool_prepares_the_databases_the_values_name_with_the_charts_schema_files(values):
    setup = stack_schema_setup()
    sql = sql_stores(values)
    names = {role: store["databaseName"] for role, store in sql.items()}
    assert setup["created"] == set(names.values()) and setup["owned_by_temporal"]
    assert {store["user"] for store in sql.values()} == {"temporal"}
    assert setup["plugin"] == sql["default"]["pluginName"] == sql["visibility"]["pluginName"]
    # The chart's postgres12 schema jobs run setup-schema -v 0.0 and update-schema from
    # schema/postgresql/v12/<temporal|visibility>/versioned; the stack runs the same commands.
    assert setup["setup_and_update"]
    assert setup["schema_root"] == "schema/postgresql/v12"
    assert setup["schema_dirs"] == {names["default"]: "temporal", names["visibility"]: "visibility"}


def test_production_keeps_512_history_shards_and_the_stack_more_than_one(values, stack):
    # Fixed at the first install; the stack uses fewer on one machine, but more than one, so that
    # workflows are spread over shards as in production.
    assert values["server"]["config"]["persistence"]["numHistoryShards"] == 512
    assert 1 < stack["persistence"]["numHistoryShards"] <= 512


def test_the_readme_gives_postgresql_enough_connections_for_every_server_pod(values):
    server = values["server"]
    pods = sum(server[service].get("replicaCount", server["replicaCount"])
               for service in ("frontend", "history", "matching", "worker"))
    per_pod = sum(store["maxConns"] for store in sql_stores(values).values())
    readme = " ".join((DEPLOY / "README.md").read_text().split())
    assert f"{pods} server pods × {per_pod} connections = {pods * per_pod}" in readme


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
