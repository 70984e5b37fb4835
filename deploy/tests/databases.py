"""The service databases in the manifests: who may change the schema, how many connections the
workers can open against MySQL's max_connections, and utf8mb4 everywhere.

Like the rules in manifests.py, each rule returns human-readable violations (empty when it holds),
so a test can assert the real manifests are clean and prove on a doctored copy that the rule bites.
"""
from __future__ import annotations

import re

import yaml

from manifests import DATABASE_ROLES, REPOSITORY, env_of, env_value, of_kind, pod_spec, role_of

WORKER_CONFIG = REPOSITORY / "workers" / "src" / "main" / "resources"
INIT_SCRIPT = REPOSITORY / "deploy" / "k8s" / "base" / "mysql" / "10-orderflow-databases.sh"
# Flyway holds one connection for the migration and, on MySQL, one more for its lock.
MIGRATION_CONNECTIONS = 2
# Left for an operator's client, the monitoring exporter and MySQL's own reserved SUPER connection.
OPERATOR_CONNECTIONS = 20
COLLATION = "utf8mb4_unicode_ci"


def migrator_secret(role: str) -> str:
    return f"{role}-db-migrator"


def secrets_referenced(container: dict) -> set[str]:
    """Every Secret a container can read through its environment."""
    names = {e["valueFrom"]["secretKeyRef"]["name"] for e in container.get("env", [])
             if "secretKeyRef" in e.get("valueFrom", {})}
    names |= {s["secretRef"]["name"] for s in container.get("envFrom", []) if "secretRef" in s}
    return names


def migrator_secret_violations(objects: list[dict]) -> list[str]:
    """No long-running container (gateway, web, workers, codec server) can read a migration user's
    Secret, by environment or by a volume of its pod; each database role migrates in an init container
    that holds its migrator credentials, and the worker container runs no migration of its own."""
    migrators = {migrator_secret(role) for role in DATABASE_ROLES}
    problems = []
    for deployment in of_kind(objects, "Deployment"):
        name = deployment["metadata"]["name"]
        spec = pod_spec(deployment)
        for container in spec["containers"]:
            for secret in secrets_referenced(container) & migrators:
                problems.append(f"{name} container {container['name']} references {secret}")
        for volume in spec.get("volumes", []):
            projected = [s.get("secret", {}).get("name") for s in volume.get("projected", {}).get("sources", [])]
            for secret in {volume.get("secret", {}).get("secretName"), *projected} & migrators:
                problems.append(f"{name} mounts {secret} as volume {volume['name']}")
        role = role_of(deployment)
        if role not in DATABASE_ROLES:
            continue
        worker = spec["containers"][0]
        if env_value(worker, "SPRING_FLYWAY_ENABLED") != "false":
            problems.append(f"{name}: the worker container does not switch Flyway off")
        migrations = [c for c in spec.get("initContainers", []) if c.get("args") == ["migrate"]]
        if len(migrations) != 1:
            problems.append(f"{name}: {len(migrations)} init containers run the migrate command, expected 1")
            continue
        migrate = migrations[0]
        env = env_of(migrate)
        if migrate["image"] != worker["image"]:
            problems.append(f"{name}: migrate runs {migrate['image']}, the worker {worker['image']}")
        if env_value(migrate, "ORDERFLOW_WORKER_ROLES") != role:
            problems.append(f"{name}: migrate is not for role {role}")
        if env_value(migrate, "SPRING_DATASOURCE_URL") != env_value(worker, "SPRING_DATASOURCE_URL"):
            problems.append(f"{name}: migrate and the worker use different databases")
        for var, key in (("SPRING_FLYWAY_USER", "username"), ("SPRING_FLYWAY_PASSWORD", "password")):
            ref = env.get(var, {}).get("valueFrom", {}).get("secretKeyRef", {})
            if (ref.get("name"), ref.get("key")) != (migrator_secret(role), key):
                problems.append(f"{name}: migrate's {var} is not {migrator_secret(role)}/{key}")
    return problems


def _worker_yaml(name: str) -> dict:
    return yaml.safe_load((WORKER_CONFIG / name).read_text())


def _default_concurrency() -> int:
    return int(_worker_yaml("worker.yml")["orderflow"]["worker"]["tuning"]["max-concurrent-activities"])


def pool_size(deployment: dict) -> int:
    """The worker's Hikari maximum-pool-size as the role configures it: the environment's explicit
    pool size, else the role's worker-<role>.yml (which follows the activity concurrency, itself from
    the environment or worker.yml's default)."""
    worker = pod_spec(deployment)["containers"][0]
    explicit = env_value(worker, "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE")
    if explicit is not None:
        return int(explicit)
    configured = str(_worker_yaml(f"worker-{role_of(deployment)}.yml")["spring"]["datasource"]["hikari"]
                     ["maximum-pool-size"])
    if configured != "${orderflow.worker.tuning.max-concurrent-activities}":
        return int(configured)
    concurrency = env_value(worker, "ORDERFLOW_WORKER_TUNING_MAX_CONCURRENT_ACTIVITIES")
    return int(concurrency) if concurrency is not None else _default_concurrency()


def most_pods(deployment: dict, objects: list[dict]) -> int:
    """The autoscaler's maximum plus the extra pod a rolling update starts beside them."""
    name = deployment["metadata"]["name"]
    scalers = [s for s in of_kind(objects, "ScaledObject") if s["spec"]["scaleTargetRef"]["name"] == name]
    maximum = max(s["spec"]["maxReplicaCount"] for s in scalers) if scalers else deployment["spec"].get("replicas", 1)
    surge = deployment["spec"].get("strategy", {}).get("rollingUpdate", {}).get("maxSurge", 1)
    return maximum + int(surge)


def max_connections(objects: list[dict]) -> int | None:
    """MySQL's max_connections as the in-cluster server is started with (None without one)."""
    for workload in of_kind(objects, "StatefulSet"):
        container = pod_spec(workload)["containers"][0]
        if container["image"].startswith("mysql:"):
            for arg in container.get("args", []):
                match = re.fullmatch(r"--max[-_]connections=(\d+)", arg)
                if match:
                    return int(match.group(1))
            return 151  # MySQL's default when nothing sets it
    return None


def connection_budget(objects: list[dict]) -> dict[str, int]:
    """Connections each database role can hold at once: a full pool in every pod it can have, plus its migration."""
    return {role_of(d): most_pods(d, objects) * pool_size(d) + MIGRATION_CONNECTIONS
            for d in of_kind(objects, "Deployment") if role_of(d) in DATABASE_ROLES}


def connection_budget_violations(objects: list[dict]) -> list[str]:
    limit = max_connections(objects)
    if limit is None:
        return []
    budget = connection_budget(objects)
    needed = sum(budget.values()) + OPERATOR_CONNECTIONS
    if needed > limit:
        return [f"the workers can open {needed} connections ({budget} + {OPERATOR_CONNECTIONS} for operators),"
                f" more than MySQL's max_connections of {limit}"]
    return []


def jdbc_url_violations(url: str | None, where: str) -> list[str]:
    """A service's JDBC URL asks for utf8mb4 on the connection (mysql-connector-j's options)."""
    if url is None:
        return [f"{where}: no JDBC URL"]
    problems = []
    if "characterEncoding=UTF-8" not in url:
        problems.append(f"{where}: {url} does not set characterEncoding=UTF-8")
    if f"connectionCollation={COLLATION}" not in url:
        problems.append(f"{where}: {url} does not set connectionCollation={COLLATION}")
    return problems


def init_script_statements() -> list[str]:
    return re.findall(r"^(?:CREATE DATABASE|GRANT) .*;$", INIT_SCRIPT.read_text(), re.MULTILINE)
