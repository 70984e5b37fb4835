"""The container image recipe, its entrypoint and the MySQL first-start script.

No Docker engine runs here, so the Dockerfile is checked as text for the properties we promise;
the two shell scripts are run for real, against stand-ins for `java` and `mysql`.
"""
import os
import re
import subprocess
from pathlib import Path

import pytest

from manifests import DEPLOY

DOCKERFILE = (DEPLOY / "docker" / "Dockerfile").read_text()
ENTRYPOINT = DEPLOY / "docker" / "entrypoint.sh"
INIT_SCRIPT = DEPLOY / "k8s" / "base" / "mysql" / "10-orderflow-databases.sh"


def stages():
    return re.findall(r"^FROM\s+(\S+)(?:\s+AS\s+(\S+))?", DOCKERFILE, re.MULTILINE | re.IGNORECASE)


def runtime_section():
    return DOCKERFILE[DOCKERFILE.rindex("\nFROM "):]


def fake_command(directory: Path, name: str, body: str) -> None:
    path = directory / name
    path.write_text("#!/bin/sh\n" + body)
    path.chmod(0o755)


def test_image_builds_on_a_jdk_21_and_runs_on_the_temurin_21_jre():
    (build_image, _), (runtime_image, _) = stages()
    assert build_image.startswith("maven:") and "temurin-21" in build_image
    assert runtime_image == "eclipse-temurin:21-jre"


def test_every_runnable_jar_is_extracted_into_layers_with_the_launcher():
    assert "-Djarmode=tools" in DOCKERFILE and "extract --layers --launcher" in DOCKERFILE
    assert "for app in gateway workers web codec-server" in DOCKERFILE and "-*-exec.jar" in DOCKERFILE
    runtime = runtime_section()
    copied = re.findall(r"COPY --from=build /extracted/([\w-]+)/([\w-]+)/ /app/([\w-]+)/", runtime)
    layers = ["dependencies", "spring-boot-loader", "snapshot-dependencies", "application"]
    for app, target in (("gateway", "gateway"), ("workers", "worker"), ("web", "web"), ("codec-server", "codec-server")):
        assert [layer for a, layer, t in copied if a == app and t == target] == layers


def test_runtime_runs_as_a_numeric_non_root_user_with_a_memory_relative_heap():
    runtime = runtime_section()
    user = re.search(r"^USER\s+(\d+)(?::(\d+))?\s*$", runtime, re.MULTILINE)
    assert user and int(user.group(1)) != 0
    assert "-XX:MaxRAMPercentage=" in runtime and "-Djava.io.tmpdir=/tmp" in runtime
    assert re.search(r'ENTRYPOINT \["/app/entrypoint.sh"\]', runtime)


@pytest.fixture
def app_root(tmp_path):
    for app in ("gateway", "worker", "web", "codec-server"):
        (tmp_path / "app" / app).mkdir(parents=True)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    # Stands in for the JVM: reports where and as which process it was started.
    fake_command(bin_dir, "java", 'echo "pid=$$ cwd=$(pwd) args=$*"\n')
    return tmp_path


def run_entrypoint(app_root: Path, app: str, *args: str, **extra):
    env = {"PATH": f"{app_root / 'bin'}:{os.environ['PATH']}", "ORDERFLOW_APP_ROOT": str(app_root / "app"),
           "ORDERFLOW_APP": app, **extra}
    process = subprocess.Popen([str(ENTRYPOINT), *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    out, err = process.communicate(timeout=10)
    return process.pid, process.returncode, out, err


@pytest.mark.parametrize("app", ["gateway", "worker", "web", "codec-server"])
def test_entrypoint_starts_the_chosen_app_as_the_same_process_so_it_receives_sigterm(app_root, app):
    pid, code, out, _ = run_entrypoint(app_root, app, JAVA_OPTS="-Xss512k")
    assert code == 0
    assert f"cwd={app_root / 'app' / app}" in out
    assert "args=-Xss512k org.springframework.boot.loader.launch.JarLauncher" in out
    # exec: the JVM replaces the shell, so it is the process Kubernetes signals.
    assert f"pid={pid} " in out


def test_entrypoint_hands_the_migrate_command_of_the_kubernetes_init_container_to_the_worker(app_root):
    _, code, out, _ = run_entrypoint(app_root, "worker", "migrate")
    assert code == 0
    assert out.rstrip().endswith("args=org.springframework.boot.loader.launch.JarLauncher migrate")


def test_entrypoint_refuses_an_unknown_app(app_root):
    _, code, out, err = run_entrypoint(app_root, "billing")
    assert code == 64 and out == ""
    assert "ORDERFLOW_APP must be 'gateway', 'worker', 'web' or 'codec-server'" in err


@pytest.fixture
def fake_mysql(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "mysql.log"
    fake_command(bin_dir, "mysql", f'echo "ARGS $*" >> "{log}"\ncat >> "{log}"\n')
    env = {"PATH": f"{bin_dir}:{os.environ['PATH']}", "MYSQL_ROOT_PASSWORD": "r00t",
           "STOCK_DB_USER": "stock", "STOCK_DB_PASSWORD": "s3",
           "PAYMENT_DB_USER": "payment", "PAYMENT_DB_PASSWORD": "p3",
           "DELIVERY_DB_USER": "delivery", "DELIVERY_DB_PASSWORD": "d3",
           "STOCK_DB_MIGRATE_USER": "stock_migrator", "STOCK_DB_MIGRATE_PASSWORD": "sm",
           "PAYMENT_DB_MIGRATE_USER": "payment_migrator", "PAYMENT_DB_MIGRATE_PASSWORD": "pm",
           "DELIVERY_DB_MIGRATE_USER": "delivery_migrator", "DELIVERY_DB_MIGRATE_PASSWORD": "dm"}
    return env, log


def test_first_start_script_creates_per_service_a_utf8mb4_database_a_runtime_user_without_delete_and_a_migration_user(
        fake_mysql):
    env, log = fake_mysql
    result = subprocess.run(["sh", str(INIT_SCRIPT)], env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    sql = log.read_text()
    assert sql.count("ARGS --protocol=socket -uroot -pr00t") == 3
    assert "GRANT ALL" not in sql
    for service, password in (("stock", "s3"), ("payment", "p3"), ("delivery", "d3")):
        assert (f"CREATE DATABASE IF NOT EXISTS `{service}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;"
                in sql)
        assert f"CREATE USER IF NOT EXISTS '{service}'@'%' IDENTIFIED BY '{password}';" in sql
        runtime = re.findall(rf"GRANT ([A-Z, ]+) ON `(\w+)`\.\* TO '{service}'@'%';", sql)
        # No code path of the services deletes a row.
        assert runtime == [("SELECT, INSERT, UPDATE", service)]
        migration = re.findall(rf"GRANT ([A-Z, ]+) ON `(\w+)`\.\* TO '{service}_migrator'@'%';", sql)
        assert [database for _, database in migration] == [service]
        assert "CREATE" in migration[0][0] and "ALTER" in migration[0][0] and "GRANT OPTION" not in migration[0][0]


def test_first_start_script_fails_before_touching_mysql_when_a_password_is_missing(fake_mysql):
    env, log = fake_mysql
    del env["PAYMENT_DB_PASSWORD"]
    result = subprocess.run(["sh", str(INIT_SCRIPT)], env=env, capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "PAYMENT_DB_PASSWORD is not set" in result.stderr
    assert not log.exists()
