"""The observability component: alert rules, scraping and the Grafana dashboard, checked offline.

promtool (Prometheus's own checker) parses every rule and every dashboard query, and runs the
rules' unit tests (rules/orderflow-rules.test.yaml) on synthetic series. Whether the rules name
metrics the processes really export is checked against a real scrape of the running stack by
check-rules-against-stack.sh.
"""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

import promtool
from observability import SCHEMAS, validate_operator_object
from manifests import K8S, named, of_kind

HERE = Path(__file__).resolve().parent
COMPONENT = K8S / "components" / "observability"
RULES_TEST = HERE / "rules" / "orderflow-rules.test.yaml"
RULE_FILE_NAME = "orderflow.rules.yaml"


def rule_spec(objects: list[dict]) -> dict:
    return named(objects, "PrometheusRule", "orderflow")["spec"]


def write_rule_file(spec: dict, directory: Path) -> Path:
    path = directory / RULE_FILE_NAME
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def dashboard(objects: list[dict]) -> dict:
    config_map = named(objects, "ConfigMap", "orderflow-grafana-dashboard")
    return json.loads(config_map["data"]["orderflow-dashboard.json"])


def dashboard_queries(board: dict) -> list[tuple[str, str]]:
    return [(panel["title"], target["expr"]) for panel in board["panels"] for target in panel["targets"]]


# Grafana's own variables, as Prometheus sees them once Grafana has filled them in.
GRAFANA_VARIABLES = {"$__rate_interval": "5m", "$__range": "1h", "$__interval": "1m"}


def as_prometheus_sees_it(query: str) -> str:
    for variable, value in GRAFANA_VARIABLES.items():
        query = query.replace(variable, value)
    return query


# --- tests ------------------------------------------------------------------------------------------

def test_production_includes_the_rules_the_scraping_and_the_dashboard(prod):
    assert named(prod, "PrometheusRule", "orderflow")["metadata"]["namespace"] == "orderflow"
    assert named(prod, "PodMonitor", "orderflow")
    assert named(prod, "ConfigMap", "orderflow-grafana-dashboard")["metadata"]["labels"]["grafana_dashboard"] == "1"


def test_the_dev_overlay_needs_no_prometheus_operator(dev):
    assert not [o for o in dev if o["apiVersion"].startswith("monitoring.coreos.com/")]


def test_operator_objects_match_their_schema_and_a_misspelt_field_is_caught(prod):
    objects = [o for o in prod if o["apiVersion"].startswith("monitoring.coreos.com/")]
    assert {o["kind"] for o in objects} == set(SCHEMAS)
    for obj in objects:
        validate_operator_object(obj)
    broken = json.loads(json.dumps(named(prod, "PrometheusRule", "orderflow")))
    broken["spec"]["groups"][0]["rules"][0]["fro"] = "10m"
    with pytest.raises(jsonschema.ValidationError):
        validate_operator_object(broken)


def test_the_pod_monitor_scrapes_every_app_pod_on_its_management_port(prod):
    monitor = named(prod, "PodMonitor", "orderflow")["spec"]
    selected = set(monitor["selector"]["matchExpressions"][0]["values"])
    for deployment in of_kind(prod, "Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        if labels.get("app.kubernetes.io/component") not in selected:
            continue
        ports = {p["name"]: p["containerPort"] for c in deployment["spec"]["template"]["spec"]["containers"]
                 for p in c.get("ports", [])}
        assert "management" in ports, f'{deployment["metadata"]["name"]} has no management port to scrape'
    assert monitor["podMetricsEndpoints"][0] == {"port": "management", "path": "/actuator/prometheus",
                                                 "interval": "15s"}


def test_promtool_accepts_every_rule(prod, tmp_path):
    result = promtool.run("check", "rules", str(write_rule_file(rule_spec(prod), tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_rejects_a_rule_with_a_broken_expression(prod, tmp_path):
    spec = json.loads(json.dumps(rule_spec(prod)))
    spec["groups"][0]["rules"][0]["expr"] = "sum by (taskqueue (approximate_backlog_count)"
    result = promtool.run("check", "rules", str(write_rule_file(spec, tmp_path)))
    assert result.returncode != 0


def test_every_alert_fires_on_the_series_that_should_trip_it_and_not_on_the_others(prod, tmp_path):
    write_rule_file(rule_spec(prod), tmp_path)
    shutil.copy(RULES_TEST, tmp_path / RULES_TEST.name)
    tested = {case["alertname"] for test in yaml.safe_load(RULES_TEST.read_text())["tests"]
              for case in test.get("alert_rule_test", [])}
    alerts = {rule["alert"] for group in rule_spec(prod)["groups"] for rule in group["rules"] if "alert" in rule}
    assert tested == alerts, f"alerts without a unit test: {sorted(alerts - tested)}"
    result = promtool.run("test", "rules", str(tmp_path / RULES_TEST.name))
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_alert_has_a_severity_and_says_what_to_do(prod):
    for group in rule_spec(prod)["groups"]:
        for rule in group["rules"]:
            if "alert" in rule:
                assert rule["labels"]["severity"] in {"warning", "critical"}, rule["alert"]
                assert rule["annotations"]["summary"] and rule["annotations"]["description"], rule["alert"]


def test_every_dashboard_query_is_valid_promql(prod, tmp_path):
    queries = dashboard_queries(dashboard(prod))
    assert len(queries) >= 8
    spec = {"groups": [{"name": "dashboard", "rules": [
        {"record": f"dashboard:panel_{i}", "expr": as_prometheus_sees_it(expr)}
        for i, (_, expr) in enumerate(queries)]}]}
    result = promtool.run("check", "rules", str(write_rule_file(spec, tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_dashboard_shows_what_operators_watch(prod):
    queries = " ".join(expr for _, expr in dashboard_queries(dashboard(prod)))
    for metric in ("approximate_backlog_count", "temporal_activity_schedule_to_start_latency_seconds_bucket",
                   "temporal_workflow_task_schedule_to_start_latency_seconds_bucket",
                   "temporal_activity_execution_failed_total", "orderflow_order_status_entered_total",
                   "orderflow_order_attention_flagged_total"):
        assert metric in queries, f"no panel shows {metric}"
    assert re.search(r'activity_type=~"StockRelease\|PaymentRefund\|DeliveryCancel"', queries), "no panel shows failing compensations"


def test_every_panel_reads_the_chosen_prometheus_data_source(prod):
    board = dashboard(prod)
    assert [v["name"] for v in board["templating"]["list"]] == ["datasource"]
    for panel in board["panels"]:
        assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
        assert panel["targets"], panel["title"]
