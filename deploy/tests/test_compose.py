"""The laptop compose file: parses, has every part of the platform, and starts it in order."""
import re

import pytest
import yaml

from manifests import DEPLOY, ORDER_SEARCH_ATTRIBUTES, WORKER_PORTS, WORKER_ROLES

COMPOSE_FILE = DEPLOY / "compose" / "compose.yaml"
ONE_SHOTS = {"register-search-attributes", "make-checkout-build-current"}
SERVICES = {"temporal", "mysql", "gateway", "web", "codec-server"} | ONE_SHOTS | {f"{r}-worker" for r in WORKER_ROLES}
LONG_RUNNING = SERVICES - ONE_SHOTS


@pytest.fixture(scope="module")
def services():
    return yaml.safe_load(COMPOSE_FILE.read_text())["services"]


def test_compose_has_temporal_mysql_the_gateway_the_web_pages_the_codec_server_and_four_workers(services):
    assert set(services) == SERVICES


def test_every_long_running_service_has_a_healthcheck(services):
    for name in LONG_RUNNING:
        check = services[name].get("healthcheck", {})
        assert check.get("test"), name
        assert check["test"][0] in ("CMD", "CMD-SHELL"), name


def test_apps_use_the_one_image_and_are_probed_on_their_readiness_endpoint(services):
    image = services["gateway"]["image"]
    assert services["gateway"]["build"]["dockerfile"] == "deploy/docker/Dockerfile"
    assert services["gateway"]["environment"]["ORDERFLOW_APP"] == "gateway"
    # Probes live on the management ports (API port + 1000), never on the API port.
    assert "http://127.0.0.1:9080/actuator/health/readiness" in services["gateway"]["healthcheck"]["test"]
    for role, port in WORKER_PORTS.items():
        worker = services[f"{role}-worker"]
        env = worker["environment"]
        assert worker["image"] == image
        assert (env["ORDERFLOW_APP"], env["ORDERFLOW_WORKER_ROLES"], env["SERVER_PORT"]) == ("worker", role, str(port))
        assert env["TEMPORAL_ADDRESS"] == "temporal:7233"
        assert f"http://127.0.0.1:{port + 1000}/actuator/health/readiness" in worker["healthcheck"]["test"]
    codec = services["codec-server"]
    assert codec["image"] == image and codec["environment"]["ORDERFLOW_APP"] == "codec-server"
    assert "http://127.0.0.1:9085/actuator/health/readiness" in codec["healthcheck"]["test"]


def test_the_gateway_every_worker_and_the_codec_server_share_one_encryption_key_ring(services):
    apps = ["gateway", "codec-server"] + [f"{role}-worker" for role in WORKER_ROLES]
    rings = set()
    for name in apps:
        env = services[name]["environment"]
        current = env["ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID"]
        rings.add((current, env[f"ORDERFLOW_ENCRYPTION_KEYS_{current.upper()}"]))
    assert len(rings) == 1


def test_workers_get_more_stop_time_than_their_drain_grace(services):
    for role in WORKER_ROLES:
        worker = services[f"{role}-worker"]
        grace = int(re.fullmatch(r"(\d+)s", worker["environment"]["ORDERFLOW_WORKER_SHUTDOWN_GRACE"]).group(1))
        stop = int(re.fullmatch(r"(\d+)s", worker["stop_grace_period"]).group(1))
        assert stop > grace > 15, role


def test_services_wait_for_what_they_need_to_be_healthy(services):
    def waits_for(name):
        return {dep for dep, cond in services[name]["depends_on"].items() if cond["condition"] == "service_healthy"}

    assert waits_for("gateway") == {"temporal", "stock-worker"}
    assert waits_for("web") == {"gateway"}
    assert services["web"]["environment"]["ORDERFLOW_WEB_GATEWAY_URL"] == "http://gateway:8080"
    assert "http://127.0.0.1:9090/actuator/health/readiness" in services["web"]["healthcheck"]["test"]
    assert waits_for("checkout-worker") == {"temporal"}
    for role in ("stock", "payment", "delivery"):
        assert waits_for(f"{role}-worker") == {"temporal", "mysql"}
        assert services[f"{role}-worker"]["environment"]["SPRING_DATASOURCE_URL"].startswith(
            f"jdbc:mysql://mysql:3306/{role}?")
    assert waits_for("register-search-attributes") == {"temporal"}


def test_temporal_dev_server_exposes_its_web_ui_and_mysql_is_84_with_the_shared_init_script(services):
    temporal = services["temporal"]
    assert temporal["command"][:2] == ["server", "start-dev"]
    assert "8233:8233" in temporal["ports"]
    mysql = services["mysql"]
    assert mysql["image"] == "mysql:8.4"
    mounts = [v.split(":") for v in mysql["volumes"]]
    init = next(m for m in mounts if m[1].startswith("/docker-entrypoint-initdb.d/"))
    assert (COMPOSE_FILE.parent / init[0]).resolve() == DEPLOY / "k8s" / "base" / "mysql" / "10-orderflow-databases.sh"


def test_the_one_shot_service_registers_the_order_search_attributes(services):
    command = services["register-search-attributes"]["command"]
    pairs = {(command[i + 1], command[i + 3]) for i, t in enumerate(command) if t == "--name"}
    assert pairs == ORDER_SEARCH_ATTRIBUTES


def test_the_checkout_worker_runs_as_a_version_that_is_made_current_once_it_polls(services):
    # A server refuses workflow tasks of a type that declares a versioning behaviour from an
    # unversioned worker, so the laptop's checkout worker must be versioned too.
    build = services["checkout-worker"]["environment"]["ORDERFLOW_WORKER_DEPLOYMENT_BUILD_ID"]
    command = services["make-checkout-build-current"]["command"]
    assert command[:3] == ["worker", "deployment", "set-current-version"]
    assert command[command.index("--build-id") + 1] == build
    assert command[command.index("--deployment-name") + 1] == "orderflow-checkout"
    assert services["make-checkout-build-current"]["depends_on"]["checkout-worker"]["condition"] == "service_healthy"
