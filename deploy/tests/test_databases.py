"""The service databases: migrations run apart from the workers with their own credentials, the
workers' connections fit MySQL's max_connections, runtime users cannot delete, and every database
and connection is utf8mb4 (in Kubernetes and in compose)."""
import copy

import yaml

from databases import (COLLATION, INIT_SCRIPT, connection_budget, connection_budget_violations,
                       init_script_statements, jdbc_url_violations, max_connections, migrator_secret,
                       migrator_secret_violations)
from manifests import DATABASE_ROLES, DEPLOY, env_value, named, of_kind, pod_spec, role_of


def database_workers(objects):
    return {role_of(d): d for d in of_kind(objects, "Deployment") if role_of(d) in DATABASE_ROLES}


def mysql_server(objects):
    return named(objects, "StatefulSet", "mysql")


# --- who changes the schema ------------------------------------------------------------------------

def test_only_an_init_container_holds_the_migration_users_credentials_and_the_worker_runs_no_migration(tree):
    _, objects = tree
    assert set(database_workers(objects)) == DATABASE_ROLES
    assert migrator_secret_violations(objects) == []


def test_the_worker_container_connects_as_the_runtime_user_of_its_own_database(tree):
    _, objects = tree
    for role, deployment in database_workers(objects).items():
        worker = pod_spec(deployment)["containers"][0]
        for var, key in (("SPRING_DATASOURCE_USERNAME", "username"), ("SPRING_DATASOURCE_PASSWORD", "password")):
            ref = next(e for e in worker["env"] if e["name"] == var)["valueFrom"]["secretKeyRef"]
            assert (ref["name"], ref["key"]) == (f"{role}-db", key)
        assert not any(e["name"].startswith("SPRING_FLYWAY_") and e["name"] != "SPRING_FLYWAY_ENABLED"
                       for e in worker["env"])


def test_the_migrator_rule_catches_a_worker_holding_the_migrators_secret_or_migrating_itself(dev):
    holding = copy.deepcopy(dev)
    worker = pod_spec(database_workers(holding)["stock"])["containers"][0]
    worker["env"].append({"name": "SPRING_FLYWAY_PASSWORD",
                          "valueFrom": {"secretKeyRef": {"name": migrator_secret("stock"), "key": "password"}}})
    assert any("container worker references stock-db-migrator" in p for p in migrator_secret_violations(holding))

    mounting = copy.deepcopy(dev)
    pod_spec(named(mounting, "Deployment", "gateway"))["volumes"].append(
        {"name": "leak", "secret": {"secretName": migrator_secret("payment")}})
    assert any("gateway mounts payment-db-migrator" in p for p in migrator_secret_violations(mounting))

    migrating = copy.deepcopy(dev)
    spec = pod_spec(database_workers(migrating)["delivery"])
    del spec["initContainers"]
    spec["containers"][0]["env"] = [e for e in spec["containers"][0]["env"] if e["name"] != "SPRING_FLYWAY_ENABLED"]
    problems = migrator_secret_violations(migrating)
    assert any("does not switch Flyway off" in p for p in problems)
    assert any("0 init containers run the migrate command" in p for p in problems)


# --- connections -----------------------------------------------------------------------------------

def test_every_roles_pools_at_its_most_pods_plus_its_migration_fit_mysqls_max_connections(tree):
    name, objects = tree
    if mysql_server(objects) is None:
        assert name == "prod"  # an external server: deploy/README.md gives the number it needs
        return
    args = pod_spec(mysql_server(objects))["containers"][0]["args"]
    assert any(a.startswith("--max-connections=") for a in args), "max_connections is set explicitly"
    assert connection_budget_violations(objects) == []


def test_the_connection_budget_catches_more_replicas_a_bigger_pool_or_mysqls_default(dev):
    # Today's numbers: 3 roles x (10 pods + 1 surging) x 20 connections + 2 per migration.
    assert connection_budget(dev) == {"stock": 222, "payment": 222, "delivery": 222}

    more_pods = copy.deepcopy(dev)
    next(s for s in of_kind(more_pods, "ScaledObject") if s["metadata"]["name"] == "payment-worker")[
        "spec"]["maxReplicaCount"] = 15
    assert connection_budget_violations(more_pods)

    bigger_pool = copy.deepcopy(dev)
    pod_spec(database_workers(bigger_pool)["stock"])["containers"][0]["env"].append(
        {"name": "ORDERFLOW_WORKER_TUNING_MAX_CONCURRENT_ACTIVITIES", "value": "30"})
    assert connection_budget_violations(bigger_pool)

    defaults = copy.deepcopy(dev)
    container = pod_spec(mysql_server(defaults))["containers"][0]
    container["args"] = [a for a in container["args"] if not a.startswith("--max-connections")]
    assert max_connections(defaults) == 151
    assert connection_budget_violations(defaults)


# --- least privilege -------------------------------------------------------------------------------

def test_runtime_users_may_read_insert_and_update_but_not_delete_and_the_migrator_owns_the_schema():
    grants = [s for s in init_script_statements() if s.startswith("GRANT")]
    assert grants == [
        "GRANT SELECT, INSERT, UPDATE ON \\`${db}\\`.* TO '${user}'@'%';",
        "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES ON \\`${db}\\`.* TO '${migrator}'@'%';",
    ]


def test_mysql_takes_the_migration_users_from_their_own_secrets(tree):
    _, objects = tree
    server = mysql_server(objects)
    if server is None:
        return
    env = {e["name"]: e["valueFrom"]["secretKeyRef"] for e in pod_spec(server)["containers"][0]["env"]}
    for role in DATABASE_ROLES:
        assert (env[f"{role.upper()}_DB_MIGRATE_USER"]["name"], env[f"{role.upper()}_DB_MIGRATE_USER"]["key"]) == (
            migrator_secret(role), "username")
        assert env[f"{role.upper()}_DB_USER"]["name"] == f"{role}-db"


# --- utf8mb4 ---------------------------------------------------------------------------------------

def test_every_database_the_server_and_every_connection_in_kubernetes_are_utf8mb4(tree):
    name, objects = tree
    assert [s for s in init_script_statements() if s.startswith("CREATE DATABASE")] == [
        f"CREATE DATABASE IF NOT EXISTS \\`${{db}}\\` CHARACTER SET utf8mb4 COLLATE {COLLATION};"]
    server = mysql_server(objects)
    if server is not None:
        args = pod_spec(server)["containers"][0]["args"]
        assert "--character-set-server=utf8mb4" in args and f"--collation-server={COLLATION}" in args
    options = next(c for c in of_kind(objects, "ConfigMap") if c["metadata"]["name"] == "orderflow-config")[
        "data"].get("ORDERFLOW_MYSQL_URL_OPTIONS", "")
    for role, deployment in database_workers(objects).items():
        spec = pod_spec(deployment)
        for container in spec["containers"][:1] + spec["initContainers"]:
            url = env_value(container, "SPRING_DATASOURCE_URL")
            assert jdbc_url_violations(url, f"{name} {role} {container['name']}") == []
            resolved = url.replace("${ORDERFLOW_MYSQL_URL_OPTIONS:}", options)
            assert resolved.count("?") == 1, f"{resolved} has one query string"


def test_compose_makes_the_server_and_every_connection_utf8mb4():
    services = yaml.safe_load((DEPLOY / "compose" / "compose.yaml").read_text())["services"]
    command = services["mysql"]["command"]
    assert "--character-set-server=utf8mb4" in command and f"--collation-server={COLLATION}" in command
    assert "../k8s/base/mysql/10-orderflow-databases.sh" in " ".join(services["mysql"]["volumes"])
    assert INIT_SCRIPT.exists()
    for role in DATABASE_ROLES:
        url = services[f"{role}-worker"]["environment"]["SPRING_DATASOURCE_URL"]
        assert jdbc_url_violations(url, f"compose {role}-worker") == []


def test_the_url_rule_catches_a_connection_without_utf8mb4():
    assert jdbc_url_violations("jdbc:mysql://mysql:3306/stock", "x")
    assert jdbc_url_violations("jdbc:mysql://mysql:3306/stock?characterEncoding=UTF-8", "x")
