"""orderflow's own deployment rules, asserted on every rendered tree."""
import copy

import pytest

from manifests import (DATABASE_ROLES, ORDER_SEARCH_ATTRIBUTES, TEMPORAL_PORT, WORKER_PORTS, WORKER_ROLES,
                       app_probe_violations, env_of, env_value, grace_violations, hardening_violations, is_app,
                       named, of_kind, pod_spec, role_of, secret_readability_violations,
                       worker_egress_violations)


def workers(objects):
    """Each worker role's Deployment; for the versioned checkout worker, one of its versions."""
    return {role_of(d): d for d in of_kind(objects, "Deployment") if role_of(d)}


def worker_deployments(objects):
    """Every worker Deployment: one per service role, one per running version of the checkout worker."""
    return [d for d in of_kind(objects, "Deployment") if role_of(d)]


def app_name(deployment):
    """The app a Deployment runs (the checkout worker's versions share theirs)."""
    return deployment["spec"]["template"]["metadata"]["labels"]["app.kubernetes.io/name"]


def config(objects):
    return named(objects, "ConfigMap", "orderflow-config")["data"]


# --- workloads -------------------------------------------------------------------------------------

def test_every_deployment_has_probes_resources_and_a_restricted_security_context(tree):
    name, objects = tree
    problems = [p for o in of_kind(objects, "Deployment") + of_kind(objects, "StatefulSet")
                for p in hardening_violations(o)]
    assert not problems, "\n".join(problems)


def test_the_job_runs_with_resources_and_a_restricted_security_context(tree):
    _, objects = tree
    for job in of_kind(objects, "Job"):
        problems = [p for p in hardening_violations(job) if "Probe" not in p]
        assert not problems, "\n".join(problems)


def test_gateway_workers_and_codec_server_are_probed_on_the_actuator_endpoints(tree):
    _, objects = tree
    apps = [d for d in of_kind(objects, "Deployment") if is_app(d) and d["metadata"]["name"] != "web"]
    assert {app_name(d) for d in apps} == {"gateway", "codec-server"} | {f"{r}-worker" for r in WORKER_ROLES}
    problems = [p for d in apps for p in app_probe_violations(d)]
    assert not problems, "\n".join(problems)


def test_grace_period_outlasts_the_drain_which_outlasts_the_longest_activity(tree):
    _, objects = tree
    problems = [p for d in of_kind(objects, "Deployment") if is_app(d) for p in grace_violations(d)]
    assert not problems, "\n".join(problems)
    for deployment in of_kind(objects, "Deployment"):
        if is_app(deployment):
            assert pod_spec(deployment)["terminationGracePeriodSeconds"] == 45


def test_rules_catch_a_missing_probe_a_writable_root_and_a_grace_period_shorter_than_the_drain(dev):
    worker = copy.deepcopy(workers(dev)["payment"])
    container = pod_spec(worker)["containers"][0]
    del container["readinessProbe"]
    container["securityContext"]["readOnlyRootFilesystem"] = False
    pod_spec(worker)["terminationGracePeriodSeconds"] = 30
    problems = hardening_violations(worker) + grace_violations(worker)
    assert any("no readinessProbe" in p for p in problems)
    assert any("readOnlyRootFilesystem" in p for p in problems)
    assert any("terminationGracePeriodSeconds 30" in p for p in problems)


def test_each_worker_deployment_runs_its_role_on_its_task_queue_and_port(tree):
    _, objects = tree
    assert set(workers(objects)) == set(WORKER_ROLES)
    for deployment in worker_deployments(objects):
        role = role_of(deployment)
        assert app_name(deployment) == f"{role}-worker"
        assert deployment["metadata"]["name"].startswith(f"{role}-worker")
        container = pod_spec(deployment)["containers"][0]
        assert env_value(container, "ORDERFLOW_APP") == "worker"
        assert env_value(container, "ORDERFLOW_WORKER_ROLES") == role
        assert env_value(container, "ORDERFLOW_WORKER_TASK_QUEUE") == role
        assert env_value(container, "SERVER_PORT") == str(WORKER_PORTS[role])
        management = WORKER_PORTS[role] + 1000
        assert env_value(container, "MANAGEMENT_SERVER_PORT") == str(management)
        assert {p["name"]: p["containerPort"] for p in container["ports"]} == {
            "http": WORKER_PORTS[role], "management": management}
        for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
            assert container[probe]["httpGet"]["port"] == "management", (role, probe)
        # The autoscaler owns the replica count; a value in the manifest would fight it.
        assert "replicas" not in deployment["spec"]


def test_only_services_that_own_a_database_get_credentials_for_exactly_their_own(tree):
    _, objects = tree
    for role, deployment in workers(objects).items():
        env = env_of(pod_spec(deployment)["containers"][0])
        if role in DATABASE_ROLES:
            assert env["SPRING_DATASOURCE_URL"]["value"] == (
                f"jdbc:mysql://${{ORDERFLOW_MYSQL_HOST:mysql}}:3306/{role}"
                f"?characterEncoding=UTF-8&connectionCollation=utf8mb4_unicode_ci${{ORDERFLOW_MYSQL_URL_OPTIONS:}}")
            for var in ("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD"):
                assert env[var]["valueFrom"]["secretKeyRef"]["name"] == f"{role}-db"
            # The migration user's credentials are a Secret of their own, read by the init container
            # only (test_databases.py).
            assert env["SPRING_DATASOURCE_USERNAME"]["valueFrom"]["secretKeyRef"]["key"] == "username"
        else:
            assert not any(name.startswith("SPRING_DATASOURCE") for name in env)


def test_gateway_is_the_gateway_app_on_8080_and_knows_the_catalog(tree):
    _, objects = tree
    gateway = named(objects, "Deployment", "gateway")
    container = pod_spec(gateway)["containers"][0]
    assert env_value(container, "ORDERFLOW_APP") == "gateway"
    assert container["ports"][0]["containerPort"] == 8080
    assert config(objects)["ORDERFLOW_GATEWAY_CATALOG_BASE_URL"] == "http://stock-worker:8081"
    stock_service = named(objects, "Service", "stock-worker")
    stock_pods = workers(objects)["stock"]["spec"]["template"]["metadata"]["labels"]
    assert stock_service["spec"]["ports"][0]["port"] == 8081
    assert stock_service["spec"]["selector"].items() <= stock_pods.items()


def test_app_deployments_load_the_shared_config_map(tree):
    _, objects = tree
    for deployment in of_kind(objects, "Deployment"):
        if is_app(deployment):
            refs = [e["configMapRef"]["name"] for e in pod_spec(deployment)["containers"][0].get("envFrom", [])
                    if "configMapRef" in e]
            assert refs == ["orderflow-config"], deployment["metadata"]["name"]
    assert {"TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE"} <= config(objects).keys()


def test_images_are_pinned_to_a_tag(tree):
    _, objects = tree
    for workload in of_kind(objects, "Deployment") + of_kind(objects, "StatefulSet") + of_kind(objects, "Job"):
        for c in pod_spec(workload)["containers"]:
            image = c["image"]
            assert ":" in image.rsplit("/", 1)[-1] and not image.endswith(":latest"), image


def test_every_app_deployment_has_a_disruption_budget_selecting_its_pods(tree):
    _, objects = tree
    budgets = of_kind(objects, "PodDisruptionBudget")
    for deployment in of_kind(objects, "Deployment"):
        if not is_app(deployment):
            continue
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        matching = [b for b in budgets if b["spec"]["selector"]["matchLabels"].items() <= labels.items()]
        assert len(matching) == 1, deployment["metadata"]["name"]
        assert matching[0]["spec"].get("maxUnavailable") == 1


# --- autoscaling -----------------------------------------------------------------------------------

def test_each_worker_deployment_has_exactly_one_scaled_object_on_its_task_queue_and_queue_type(tree):
    _, objects = tree
    scaled = of_kind(objects, "ScaledObject")
    deployments = worker_deployments(objects)
    for deployment in deployments:
        role, name = role_of(deployment), deployment["metadata"]["name"]
        targeting = [s for s in scaled if s["spec"]["scaleTargetRef"]["name"] == name]
        assert len(targeting) == 1, f"{name}: {len(targeting)} ScaledObjects"
        spec = targeting[0]["spec"]
        assert spec["scaleTargetRef"]["kind"] == "Deployment"
        [trigger] = spec["triggers"]
        assert trigger["type"] == "temporal"
        assert trigger["metadata"]["taskQueue"] == role
        assert trigger["metadata"]["queueTypes"] == WORKER_ROLES[role]
    assert len(scaled) == len(deployments)


def test_scaled_objects_have_sane_bounds_and_a_slow_scale_down(tree):
    _, objects = tree
    for scaled in of_kind(objects, "ScaledObject"):
        spec = scaled["spec"]
        assert 1 <= spec["minReplicaCount"] < spec["maxReplicaCount"] <= 20
        assert spec["cooldownPeriod"] >= 60
        behavior = spec["advanced"]["horizontalPodAutoscalerConfig"]["behavior"]["scaleDown"]
        assert behavior["stabilizationWindowSeconds"] >= 60


def test_scaled_objects_reach_the_same_temporal_as_the_workers(tree):
    _, objects = tree
    data = config(objects)
    for scaled in of_kind(objects, "ScaledObject"):
        metadata = scaled["spec"]["triggers"][0]["metadata"]
        # KEDA reads endpointFromEnv from the target container, which loads orderflow-config.
        assert metadata["endpointFromEnv"] == "TEMPORAL_ADDRESS"
        assert metadata["namespace"] == data["TEMPORAL_NAMESPACE"]


# --- secrets ---------------------------------------------------------------------------------------

def test_no_secret_values_are_committed(tree):
    _, objects = tree
    for secret in of_kind(objects, "Secret"):
        assert not secret.get("data") and not secret.get("stringData"), secret["metadata"]["name"]


def test_every_referenced_secret_is_one_the_readme_tells_the_operator_to_create(tree):
    from manifests import DEPLOY
    readme = (DEPLOY / "README.md").read_text()
    _, objects = tree
    referenced = set()
    for workload in of_kind(objects, "Deployment") + of_kind(objects, "StatefulSet"):
        for c in pod_spec(workload)["containers"] + pod_spec(workload).get("initContainers", []):
            for e in c.get("env", []):
                ref = e.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    referenced.add((ref["name"], ref["key"]))
    assert referenced
    for name, key in referenced:
        assert f"kubectl -n orderflow create secret generic {name}" in readme, name
        assert f"--from-literal={key}=" in readme, key


def test_the_gateway_every_worker_and_the_codec_server_load_the_key_ring_the_readme_tells_the_operator_to_create(
        tree):
    from manifests import DEPLOY
    readme = (DEPLOY / "README.md").read_text()
    _, objects = tree
    apps = [d for d in of_kind(objects, "Deployment") if is_app(d) and d["metadata"]["name"] != "web"]
    assert {app_name(d) for d in apps} == {"gateway", "codec-server"} | {f"{r}-worker" for r in WORKER_ROLES}
    for app in apps:
        for c in pod_spec(app)["containers"]:
            refs = [e["secretRef"]["name"] for e in c.get("envFrom", []) if "secretRef" in e]
            assert "orderflow-encryption" in refs, app["metadata"]["name"]
    assert "kubectl -n orderflow create secret generic orderflow-encryption" in readme
    assert "--from-literal=ORDERFLOW_ENCRYPTION_CURRENT_KEY_ID=" in readme
    assert "--from-literal=ORDERFLOW_ENCRYPTION_KEYS_" in readme


def test_the_web_pages_hold_no_payload_key_and_log_in_at_the_gateways_issuer_with_their_own_secret(tree):
    _, objects = tree
    web = pod_spec(named(objects, "Deployment", "web"))["containers"][0]
    assert not [e for e in web.get("envFrom", []) if "secretRef" in e], "the pages never touch Temporal"
    settings = config(objects)
    assert (settings["SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_ORDERFLOW_ISSUER_URI"]
            == settings["SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"])
    assert settings["ORDERFLOW_WEB_GATEWAY_URL"] == "http://gateway:8080"
    secret = env_of(web)["SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_ORDERFLOW_CLIENT_SECRET"]
    assert secret["valueFrom"]["secretKeyRef"]["name"] == "web-client"


def test_the_codec_server_serves_operators_on_8085_and_is_probed_on_a_port_no_service_exposes(tree):
    _, objects = tree
    codec = named(objects, "Deployment", "codec-server")
    container = pod_spec(codec)["containers"][0]
    assert env_value(container, "ORDERFLOW_APP") == "codec-server"
    assert {p["name"]: p["containerPort"] for p in container["ports"]} == {"http": 8085, "management": 9085}
    assert env_value(container, "MANAGEMENT_SERVER_PORT") == "9085"
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"]["port"] == "management", probe
    service = named(objects, "Service", "codec-server")
    assert [(p["port"], p["targetPort"]) for p in service["spec"]["ports"]] == [(8085, "http")]
    assert service["spec"]["selector"].items() <= codec["spec"]["template"]["metadata"]["labels"].items()
    exposed = {p["port"] for s in of_kind(objects, "Service") for p in s["spec"]["ports"]}
    assert 9085 not in exposed
    env = env_of(container)
    assert not any(name.startswith(("SPRING_DATASOURCE", "SPRING_TEMPORAL")) for name in env), env.keys()
    # Its browser callers are the Web UI's pages: exact https origins, never a wildcard.
    origins = config(objects)["ORDERFLOW_CODEC_SERVER_ALLOWED_ORIGINS"].split(",")
    assert origins and all(o.startswith("https://") and "*" not in o for o in origins), origins


# --- network ---------------------------------------------------------------------------------------

def test_worker_network_policies_allow_only_temporal_their_database_and_dns(tree):
    _, objects = tree
    for role in WORKER_ROLES:
        policy = named(objects, "NetworkPolicy", f"{role}-worker")
        assert policy is not None, role
        assert policy["spec"]["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": f"{role}-worker"}
        problems = worker_egress_violations(policy, role)
        assert not problems, "\n".join(problems)


def test_egress_rule_catches_a_worker_allowed_to_reach_the_internet(dev):
    policy = copy.deepcopy(named(dev, "NetworkPolicy", "payment-worker"))
    policy["spec"]["egress"].append({"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}], "ports": [{"port": 443}]})
    policy["spec"]["egress"].append({"to": [{"ipBlock": {"cidr": "0.0.0.0/0"}}]})
    problems = worker_egress_violations(policy, "payment")
    assert any("443/TCP" in p for p in problems)
    assert any("ANY" in p for p in problems)
    checkout = copy.deepcopy(named(dev, "NetworkPolicy", "stock-worker"))
    assert any("3306" in p for p in worker_egress_violations(checkout, "checkout"))


def test_gateway_reaches_temporal_and_the_stock_worker_only(tree):
    _, objects = tree
    policy = named(objects, "NetworkPolicy", "gateway")
    egress = policy["spec"]["egress"]
    ports = sorted((p["port"], p["protocol"]) for rule in egress for p in rule["ports"])
    assert ports == [(53, "TCP"), (53, "UDP"), (TEMPORAL_PORT, "TCP"), (8081, "TCP")]
    to_stock = next(rule for rule in egress if rule["ports"][0]["port"] == 8081)
    assert to_stock["to"] == [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "stock-worker"}}}]


def test_the_web_pages_reach_the_gateway_the_issuer_and_dns_only(tree):
    _, objects = tree
    egress = named(objects, "NetworkPolicy", "web")["spec"]["egress"]
    ports = sorted((p["port"], p["protocol"]) for rule in egress for p in rule["ports"])
    assert ports == [(53, "TCP"), (53, "UDP"), (443, "TCP"), (8080, "TCP")]
    to_gateway = next(rule for rule in egress if rule["ports"][0]["port"] == 8080)
    assert to_gateway["to"] == [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "gateway"}}}]


def test_the_codec_server_takes_calls_on_8085_and_reaches_the_issuer_and_dns_only(tree):
    _, objects = tree
    policy = named(objects, "NetworkPolicy", "codec-server")
    assert policy["spec"]["podSelector"]["matchLabels"] == {"app.kubernetes.io/name": "codec-server"}
    assert set(policy["spec"]["policyTypes"]) == {"Ingress", "Egress"}
    ingress = sorted((p["port"], p["protocol"]) for rule in policy["spec"]["ingress"] for p in rule["ports"])
    assert ingress == [(8085, "TCP")]
    egress = sorted((p["port"], p["protocol"]) for rule in policy["spec"]["egress"] for p in rule["ports"])
    assert egress == [(53, "TCP"), (53, "UDP"), (443, "TCP")]


def test_the_web_pages_are_probed_on_a_management_port_that_no_service_exposes(tree):
    _, objects = tree
    web = named(objects, "Deployment", "web")
    container = pod_spec(web)["containers"][0]
    assert {p["name"]: p["containerPort"] for p in container["ports"]} == {"http": 8090, "management": 9090}
    assert env_value(container, "ORDERFLOW_APP") == "web"
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"]["port"] == "management", probe
    exposed = {p["port"] for s in of_kind(objects, "Service") for p in s["spec"]["ports"]}
    assert 8090 in exposed and 9090 not in exposed, exposed


def test_everything_lives_in_the_orderflow_namespace(tree):
    _, objects = tree
    assert named(objects, "Namespace", "orderflow") is not None
    for obj in objects:
        if obj["kind"] != "Namespace":
            assert obj["metadata"]["namespace"] == "orderflow", f'{obj["kind"]}/{obj["metadata"]["name"]}'


# --- search attributes -----------------------------------------------------------------------------

def test_a_job_registers_the_three_order_search_attributes_in_every_overlay(overlay):
    _, objects = overlay
    job = named(objects, "Job", "register-search-attributes")
    assert job is not None
    script = " ".join(pod_spec(job)["containers"][0]["args"])
    tokens = script.replace("\\", " ").split()
    pairs = {(tokens[i + 1], tokens[i + 3]) for i, t in enumerate(tokens)
             if t == "--name" and i + 3 < len(tokens) and tokens[i + 2] == "--type"}
    assert pairs == ORDER_SEARCH_ATTRIBUTES
    assert "temporal operator search-attribute create" in script
    assert '--namespace "$TEMPORAL_NAMESPACE"' in script


# --- overlays --------------------------------------------------------------------------------------

def test_dev_runs_a_temporal_dev_server_with_its_web_ui_where_the_config_points(dev):
    server = named(dev, "Deployment", "temporal")
    container = pod_spec(server)["containers"][0]
    assert container["image"].startswith("temporalio/temporal:")
    args = container["args"]
    assert args[:2] == ["server", "start-dev"]
    assert args[args.index("--ip") + 1] == "0.0.0.0"
    assert args[args.index("--ui-port") + 1] == "8233"
    host, port = config(dev)["TEMPORAL_ADDRESS"].split(":")
    frontend = named(dev, "Service", host)
    assert frontend["spec"]["ports"][0]["port"] == int(port) == TEMPORAL_PORT
    ui = named(dev, "Service", "temporal-ui")
    assert ui["spec"]["ports"][0]["port"] == 8233
    assert frontend["spec"]["selector"] == ui["spec"]["selector"] == {"app.kubernetes.io/name": "temporal"}


def test_dev_runs_mysql_in_cluster_with_a_volume_and_the_first_start_script(dev):
    mysql = named(dev, "StatefulSet", "mysql")
    assert mysql["spec"]["volumeClaimTemplates"][0]["spec"]["resources"]["requests"]["storage"]
    assert pod_spec(mysql)["containers"][0]["image"] == "mysql:8.4"
    initdb = next(v for v in pod_spec(mysql)["volumes"] if v["name"] == "initdb")
    config_map = named(dev, "ConfigMap", initdb["configMap"]["name"])
    assert "10-orderflow-databases.sh" in config_map["data"]
    service = named(dev, "Service", "mysql")
    assert service["spec"]["clusterIP"] == "None"
    assert service["spec"]["selector"].items() <= mysql["spec"]["template"]["metadata"]["labels"].items()


def test_prod_expects_helm_temporal_and_an_external_mysql(prod):
    assert config(prod)["TEMPORAL_ADDRESS"] == "temporal-frontend.temporal.svc.cluster.local:7233"
    assert named(prod, "Deployment", "temporal") is None
    assert of_kind(prod, "StatefulSet") == []
    assert named(prod, "ConfigMap", "mysql-initdb") is None and named(prod, "NetworkPolicy", "mysql") is None
    service = named(prod, "Service", "mysql")
    assert service["spec"]["type"] == "ExternalName" and service["spec"]["externalName"]
    for role in DATABASE_ROLES:
        rule = named(prod, "NetworkPolicy", f"{role}-worker")["spec"]["egress"][1]
        assert rule["ports"] == [{"port": 3306, "protocol": "TCP"}]
        assert "ipBlock" in rule["to"][0]


def test_prod_keeps_two_pods_per_worker_role(prod):
    assert {s["spec"]["minReplicaCount"] for s in of_kind(prod, "ScaledObject")} == {2}


# --- identity --------------------------------------------------------------------------------------

def test_the_gateway_and_the_stock_service_trust_one_https_issuer_and_no_dev_provider_is_deployed(tree):
    _, objects = tree
    issuer = config(objects)["SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI"]
    assert issuer.startswith("https://"), issuer
    assert "127.0.0.1" not in issuer and "localhost" not in issuer
    deployed = {d["metadata"]["name"] for d in of_kind(objects, "Deployment")}
    assert not any("identity" in name for name in deployed), deployed


def test_the_gateway_is_probed_and_scraped_on_a_management_port_that_no_service_exposes(tree):
    _, objects = tree
    gateway = named(objects, "Deployment", "gateway")
    container = pod_spec(gateway)["containers"][0]
    ports = {p["name"]: p["containerPort"] for p in container["ports"]}
    assert ports == {"http": 8080, "management": 9080}
    assert env_value(container, "MANAGEMENT_SERVER_PORT") == "9080"
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"]["port"] == "management", probe
    assert gateway["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"] == "9080"
    exposed = {p["port"] for s in of_kind(objects, "Service") for p in s["spec"]["ports"]}
    assert not exposed & {9080, 9081, 9082, 9083, 9084}, exposed


def test_no_service_forwards_to_a_pods_management_port(tree):
    """The Service's own port number proves nothing: what it reaches is its targetPort, matched by
    name or number against the containers of the pods it selects."""
    _, objects = tree
    pods = [(d["spec"]["template"]["metadata"]["labels"], pod_spec(d)["containers"])
            for d in of_kind(objects, "Deployment") + of_kind(objects, "StatefulSet")]
    checked = 0
    for service in of_kind(objects, "Service"):
        selector = service["spec"].get("selector") or {}
        for labels, containers in pods:
            if not selector or any(labels.get(k) != v for k, v in selector.items()):
                continue
            for port in service["spec"]["ports"]:
                target = port.get("targetPort", port["port"])
                reached = [p for c in containers for p in c.get("ports", [])
                           if target in (p.get("name"), p["containerPort"])]
                assert reached, f"{service['metadata']['name']} targets {target}, which no selected container has"
                assert all(p.get("name") != "management" for p in reached), \
                    f"{service['metadata']['name']} forwards {port['port']} to a management port"
                checked += 1
    assert checked > 0


def test_production_runs_the_prod_profile_without_swagger_ui(prod):
    assert config(prod)["SPRING_PROFILES_ACTIVE"] == "prod"


def test_only_the_dev_overlay_seeds_the_demo_catalog(dev, prod):
    def locations(objects):
        # The migration (the init container) is what inserts the demo catalog.
        container = pod_spec(workers(objects)["stock"])["initContainers"][0]
        return env_value(container, "SPRING_FLYWAY_LOCATIONS")
    assert "db/stock-demo" in locations(dev)
    assert locations(prod) is None or "demo" not in locations(prod)


def test_production_talks_to_temporal_with_mutual_tls_and_to_mysql_with_verified_tls(prod):
    # The web pages never reach Temporal (or MySQL): they only call the gateway. Nor does the codec
    # server: it decrypts what the Web UI and the CLI hand it.
    apps = [d for d in of_kind(prod, "Deployment")
            if is_app(d) and d["metadata"]["name"] not in ("web", "codec-server")]
    for deployment in apps:
        spec = pod_spec(deployment)
        container = spec["containers"][0]
        assert env_value(container, "SPRING_TEMPORAL_CONNECTION_MTLS_CERT_CHAIN_FILE") == "/etc/orderflow/temporal-tls/tls.crt"
        assert env_value(container, "SPRING_TEMPORAL_CONNECTION_MTLS_KEY_FILE") == "/etc/orderflow/temporal-tls/tls.key"
        secrets = {v["name"]: v.get("secret", {}).get("secretName") for v in spec["volumes"]}
        assert secrets["temporal-client-tls"] == "temporal-client-tls"
        mounts = {m["name"]: m for m in container["volumeMounts"]}
        assert mounts["temporal-client-tls"]["readOnly"] is True
    options = config(prod)["ORDERFLOW_MYSQL_URL_OPTIONS"]
    assert "sslMode=VERIFY_IDENTITY" in options and "truststore.p12" in options
    for role in DATABASE_ROLES:
        container = pod_spec(workers(prod)[role])["containers"][0]
        assert "mysql-ca" in {m["name"] for m in container["volumeMounts"]}
        assert env_of(container)["ORDERFLOW_MYSQL_TRUSTSTORE_PASSWORD"]["valueFrom"]["secretKeyRef"]["name"] == "mysql-ca"


def test_every_process_can_read_the_certificates_and_trust_stores_mounted_for_it(tree):
    _, objects = tree
    problems = [p for w in of_kind(objects, "Deployment") + of_kind(objects, "StatefulSet") + of_kind(objects, "Job")
                for p in secret_readability_violations(w)]
    assert not problems, "\n".join(problems)


def test_the_readability_rule_catches_a_private_key_only_root_could_read(prod):
    gateway = copy.deepcopy(named(prod, "Deployment", "gateway"))
    del pod_spec(gateway)["securityContext"]["fsGroup"]
    assert any("temporal-client-tls" in p and "no fsGroup" in p for p in secret_readability_violations(gateway))


def test_the_search_attribute_job_reaches_temporal_with_mutual_tls_in_production(prod):
    job = named(prod, "Job", "register-search-attributes")
    spec = pod_spec(job)
    container = spec["containers"][0]
    flags = env_value(container, "ORDERFLOW_TEMPORAL_CLI_TLS").split()
    assert flags[flags.index("--tls-cert-path") + 1] == "/etc/orderflow/temporal-tls/tls.crt"
    assert flags[flags.index("--tls-key-path") + 1] == "/etc/orderflow/temporal-tls/tls.key"
    assert {v["name"]: v.get("secret", {}).get("secretName") for v in spec["volumes"]}["temporal-client-tls"] == (
        "temporal-client-tls")
    script = container["args"][0]
    assert script.count("$tls") == script.count("temporal operator") == 3


def test_the_dev_overlay_keeps_plain_connections_inside_the_cluster(dev):
    assert "ORDERFLOW_MYSQL_URL_OPTIONS" not in config(dev)
