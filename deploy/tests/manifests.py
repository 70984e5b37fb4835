"""Rendering and reading of the kustomize trees, plus the orderflow deployment rules.

Each rule returns a list of human-readable violations (empty when the rule holds), so a test can
both assert the real manifests are clean and prove, on a doctored copy, that the rule bites.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

DEPLOY = Path(__file__).resolve().parent.parent
K8S = DEPLOY / "k8s"
KUSTOMIZATIONS = {"base": K8S / "base", "dev": K8S / "overlays" / "dev", "prod": K8S / "overlays" / "prod"}

REPOSITORY = DEPLOY.parent
WORKER_ROLES = {"checkout": "workflow", "stock": "activity", "payment": "activity", "delivery": "activity"}
DATABASE_ROLES = {"stock", "payment", "delivery"}


def _worker_ports() -> dict[str, int]:
    """Each worker role's HTTP port, as the code keeps it (WorkerRole)."""
    source = (REPOSITORY / "workers/src/main/java/io/orderflow/worker/WorkerRole.java").read_text()
    return {role.lower(): int(port) for role, port in
            re.findall(r"^\s*([A-Z]+)\(TaskQueues\.\w+,.*?(\d+)\)[,;]", source, re.MULTILINE)}


def _order_search_attributes() -> set[tuple[str, str]]:
    """The custom search attributes (name, Temporal CLI type), as the code keeps them (OrderSearchAttributes)."""
    source = (REPOSITORY / "workflows/src/main/java/io/orderflow/checkout/OrderSearchAttributes.java").read_text()
    cli_types = {"Keyword": "Keyword", "Long": "Int", "Double": "Double", "Boolean": "Bool",
                 "OffsetDateTime": "Datetime", "Text": "Text", "KeywordList": "KeywordList"}
    return {(name, cli_types[kind]) for kind, name in
            re.findall(r'SearchAttributeKey\.for(\w+)\("(\w+)"\)', source)}


WORKER_PORTS = _worker_ports()
ORDER_SEARCH_ATTRIBUTES = _order_search_attributes()
LONGEST_ACTIVITY_START_TO_CLOSE_SECONDS = 15
TEMPORAL_PORT, MYSQL_PORT, DNS_PORT = 7233, 3306, 53
APP_IMAGE = "orderflow"


def render(name: str) -> list[dict]:
    """`kubectl kustomize` of one tree, parsed; raises with kubectl's message when it fails."""
    result = subprocess.run(["kubectl", "kustomize", str(KUSTOMIZATIONS[name])],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"kubectl kustomize {name} failed:\n{result.stderr}")
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


def of_kind(objects: list[dict], kind: str) -> list[dict]:
    return [o for o in objects if o["kind"] == kind]


def named(objects: list[dict], kind: str, name: str) -> dict | None:
    return next((o for o in of_kind(objects, kind) if o["metadata"]["name"] == name), None)


def pod_spec(workload: dict) -> dict:
    return workload["spec"]["template"]["spec"]


def is_app(deployment: dict) -> bool:
    """Runs the orderflow image (the gateway or a worker), as opposed to a third-party server."""
    return any(c["image"].split(":")[0].split("/")[-1] == APP_IMAGE for c in pod_spec(deployment)["containers"])


def env_of(container: dict) -> dict[str, dict]:
    return {e["name"]: e for e in container.get("env", [])}


def env_value(container: dict, name: str) -> str | None:
    entry = env_of(container).get(name)
    return None if entry is None else entry.get("value")


def duration_seconds(text: str) -> float:
    """Spring-style durations as used in the manifests: 30s, 500ms, 1m, or plain seconds."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(ms|s|m)?", str(text).strip())
    if not match:
        raise ValueError(f"not a duration: {text!r}")
    value, unit = float(match.group(1)), match.group(2) or "s"
    return value * {"ms": 0.001, "s": 1, "m": 60}[unit]


def role_of(deployment: dict) -> str | None:
    return deployment["spec"]["template"]["metadata"].get("labels", {}).get("orderflow.io/role")


# --- rules -----------------------------------------------------------------------------------------

def hardening_violations(workload: dict) -> list[str]:
    """Probes, resources and the restricted security context on every container of a workload."""
    name = f'{workload["kind"]}/{workload["metadata"]["name"]}'
    spec = pod_spec(workload)
    pod_sc = spec.get("securityContext", {})
    problems = []
    for c in spec["containers"]:
        where = f'{name} container {c["name"]}'
        sc = c.get("securityContext", {})
        for probe in ("readinessProbe", "livenessProbe"):
            if probe not in c:
                problems.append(f"{where}: no {probe}")
        resources = c.get("resources", {})
        for section in ("requests", "limits"):
            for resource in ("cpu", "memory"):
                if resource not in resources.get(section, {}):
                    problems.append(f"{where}: no {section}.{resource}")
        if not (sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True):
            problems.append(f"{where}: runAsNonRoot is not true")
        if sc.get("allowPrivilegeEscalation") is not False:
            problems.append(f"{where}: allowPrivilegeEscalation is not false")
        if sc.get("readOnlyRootFilesystem") is not True:
            problems.append(f"{where}: readOnlyRootFilesystem is not true")
        if "ALL" not in sc.get("capabilities", {}).get("drop", []):
            problems.append(f"{where}: capabilities do not drop ALL")
        seccomp = sc.get("seccompProfile", pod_sc.get("seccompProfile", {})).get("type")
        if seccomp != "RuntimeDefault":
            problems.append(f"{where}: seccompProfile is {seccomp!r}, not RuntimeDefault")
    return problems


def app_probe_violations(deployment: dict) -> list[str]:
    """Our processes are probed on Spring Boot Actuator's probe groups."""
    problems = []
    for c in pod_spec(deployment)["containers"]:
        for probe, path in (("livenessProbe", "/actuator/health/liveness"),
                            ("readinessProbe", "/actuator/health/readiness")):
            actual = c.get(probe, {}).get("httpGet", {}).get("path")
            if actual != path:
                problems.append(f'{deployment["metadata"]["name"]}: {probe} path {actual!r}, expected {path}')
    return problems


def secret_readability_violations(workload: dict) -> list[str]:
    """Each mounted Secret is readable by the user the containers run as.

    Kubernetes writes a Secret volume's files owned by root, in the pod's fsGroup when it has one,
    with the volume's defaultMode (0644 when unset). A non-root process reads a file that is not
    world-readable only through that group.
    """
    name = f'{workload["kind"]}/{workload["metadata"]["name"]}'
    spec = pod_spec(workload)
    pod_sc = spec.get("securityContext", {})
    problems = []
    for volume in spec.get("volumes", []):
        secret = volume.get("secret")
        if secret is None:
            continue
        mode = secret.get("defaultMode", 0o644)
        if mode & 0o004:
            continue
        if pod_sc.get("fsGroup") is None:
            problems.append(f"{name}: Secret volume {volume['name']} (mode {mode:o}) has no fsGroup to read it through")
        elif not mode & 0o040:
            problems.append(f"{name}: Secret volume {volume['name']} (mode {mode:o}) is not readable by its group")
    return problems


def grace_violations(deployment: dict) -> list[str]:
    """terminationGracePeriodSeconds > pre-stop pause + drain grace > longest activity timeout.

    The drain grace is ORDERFLOW_WORKER_SHUTDOWN_GRACE for workers and Spring's shutdown-phase
    timeout for the gateway; it must be set explicitly on the Deployment so it can be checked here.
    """
    name = deployment["metadata"]["name"]
    spec = pod_spec(deployment)
    grace = spec.get("terminationGracePeriodSeconds", 30)
    problems = []
    for c in spec["containers"]:
        drain_text = (env_value(c, "ORDERFLOW_WORKER_SHUTDOWN_GRACE")
                      or env_value(c, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE"))
        if drain_text is None:
            problems.append(f"{name}: no drain grace set by env")
            continue
        drain = duration_seconds(drain_text)
        pre_stop = c.get("lifecycle", {}).get("preStop", {}).get("sleep", {}).get("seconds", 0)
        if not drain > LONGEST_ACTIVITY_START_TO_CLOSE_SECONDS:
            problems.append(f"{name}: drain grace {drain}s is not above the {LONGEST_ACTIVITY_START_TO_CLOSE_SECONDS}s "
                            "activity timeout")
        if not grace > pre_stop + drain:
            problems.append(f"{name}: terminationGracePeriodSeconds {grace} is not above pre-stop {pre_stop}s "
                            f"+ drain {drain}s")
    return problems


def egress_ports(policy: dict) -> list[tuple[int, str]]:
    """(port, protocol) pairs the policy's egress allows; a rule without ports allows everything."""
    allowed = []
    for rule in policy["spec"].get("egress", []):
        if not rule.get("ports"):
            allowed.append((-1, "ANY"))
        for port in rule.get("ports", []):
            allowed.append((port["port"], port.get("protocol", "TCP")))
    return allowed


def worker_egress_violations(policy: dict, role: str) -> list[str]:
    """A worker may reach Temporal, its database (if it owns one) and DNS; nothing else."""
    name = policy["metadata"]["name"]
    allowed = {(TEMPORAL_PORT, "TCP"), (DNS_PORT, "UDP"), (DNS_PORT, "TCP")}
    if role in DATABASE_ROLES:
        allowed.add((MYSQL_PORT, "TCP"))
    problems = []
    if "Egress" not in policy["spec"].get("policyTypes", []):
        problems.append(f"{name}: does not restrict egress")
    actual = set(egress_ports(policy))
    for extra in sorted(actual - allowed):
        problems.append(f"{name}: egress to port {extra[0]}/{extra[1]} is not allowed for a {role} worker")
    for missing in sorted(allowed - actual):
        problems.append(f"{name}: egress to port {missing[0]}/{missing[1]} is missing")
    for rule in policy["spec"].get("egress", []):
        if not rule.get("to"):
            problems.append(f"{name}: an egress rule has no destination (it would allow any host)")
    return problems
