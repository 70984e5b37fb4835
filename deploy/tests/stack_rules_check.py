"""Evaluates alert and recording rules on metrics scraped from the running real stack.

Scrapes the payment and checkout workers' Prometheus endpoints, places orders through the REST API
for a product of its own (two with a card the simulated provider declines, one that goes through),
scrapes again, and turns
what changed in between into a promtool rule unit test: each scraped series, with its real name
and labels, grows by what it grew in the run, every minute. promtool then evaluates the rules'
own expressions on it. The failure-rate alert's expression must single out PaymentCharge on the payment
queue with exactly the share of declined charges, and the orders-per-status recording rule must
see the statuses the orders went through. A renamed metric or label makes the expected samples
disappear and the check fail.

Run by check-rules-against-stack.sh while `scripts/stack.sh up` is running.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from base64 import b64encode
from pathlib import Path

import yaml
from prometheus_client.parser import text_string_to_metric_families

import promtool

GATEWAY = "http://127.0.0.1:8080/api/v1"
ISSUER = "http://127.0.0.1:9000"
SCRAPES = {"payment": "http://127.0.0.1:9082/actuator/prometheus",
           "checkout": "http://127.0.0.1:9084/actuator/prometheus"}
WATCHED = ("temporal_activity_execution_failed_total", "temporal_activity_execution_latency_seconds_count",
           "orderflow_order_status_entered_total")
FAILURE_RATE_ALERT = "OrderflowActivityFailureRateHigh"
PER_STATUS_RECORD = "orderflow:orders_entering_status:per_minute"
DECLINED, APPROVED = 2, 1
TERMINAL = {"COMPLETED", "FAILED", "CANCELLED"}


def token(client: str, secret: str, scopes: str) -> str:
    """A dev client's token (client-credentials grant; the dev secrets the README documents)."""
    request = urllib.request.Request(
        f"{ISSUER}/oauth2/token",
        data=urllib.parse.urlencode({"grant_type": "client_credentials", "scope": scopes}).encode(),
        headers={"Authorization": "Basic " + b64encode(f"{client}:{secret}".encode()).decode()})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["access_token"]


def call(method: str, url: str, bearer: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": f"Bearer {bearer}",
                                              "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=70) as response:
        return json.load(response)


def place(bearer: str, sku: str, payment_token: str) -> dict:
    order = call("POST", f"{GATEWAY}/orders", bearer, {
        "items": [{"sku": sku, "quantity": 1}],
        "payment": {"token": payment_token},
        "shippingAddress": {"name": "Ada Lovelace", "line1": "12 Main St", "city": "London",
                            "postalCode": "N1 9GU", "country": "GB"}})
    return call("GET", f"{GATEWAY}/orders/{order['orderId']}?waitForTerminal=PT30S", bearer)


def scrape() -> dict[tuple[str, tuple], float]:
    """{(sample name, sorted labels): value} of the watched metrics on every scraped worker."""
    samples = {}
    for url in SCRAPES.values():
        with urllib.request.urlopen(url, timeout=10) as response:
            text = response.read().decode()
        for family in text_string_to_metric_families(text):
            for sample in family.samples:
                if sample.name in WATCHED:
                    samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def changed(before: dict, after: dict) -> dict:
    return {key: value - before.get(key, 0.0) for key, value in after.items() if value - before.get(key, 0.0) > 0}


def selector(name: str, labels: tuple) -> str:
    return name + "{" + ",".join(f'{k}="{v}"' for k, v in labels) + "}"


def main() -> int:
    # A product of its own, so earlier tests that sold the demo stock cannot make the orders fail.
    sku = f"RULES-{int(time.time())}"
    operator = token("operator", "operator-dev-secret", "catalog:write")
    call("PUT", f"{GATEWAY}/products/{sku}", operator,
         {"name": "Rules check mug", "priceCents": 1000, "currency": "EUR", "available": 100})
    bearer = token("customer-alice", "alice-dev-secret", "orders:read orders:write")
    before = scrape()
    finals = ([place(bearer, sku, "tok_declined") for _ in range(DECLINED)]
              + [place(bearer, sku, "tok_visa") for _ in range(APPROVED)])
    print("orders:", ", ".join(f"{o['orderId']} {o['status']}" for o in finals))
    # The SDK hands its counters to Micrometer every few seconds, not all in the same hand-over:
    # wait until every charge, every declined charge and every order's end show.
    deadline = time.monotonic() + 60
    while True:
        delta = changed(before, scrape())
        charges = sum(v for (name, labels), v in delta.items()
                      if name == WATCHED[1] and ("activity_type", "PaymentCharge") in labels)
        declined = sum(v for (name, labels), v in delta.items()
                       if name == WATCHED[0] and ("activity_type", "PaymentCharge") in labels)
        ended = sum(v for (name, labels), v in delta.items()
                    if name == WATCHED[2] and dict(labels)["status"] in TERMINAL)
        if (charges >= DECLINED + APPROVED and declined >= DECLINED and ended >= DECLINED + APPROVED) \
                or time.monotonic() > deadline:
            break
        time.sleep(1)
    print(f"scraped: {len(delta)} series changed during the run")
    for (name, labels), value in sorted(delta.items()):
        print(f"  +{value:g} {selector(name, labels)}")

    failed = sum(v for (n, l), v in delta.items() if n == WATCHED[0] and ("activity_type", "PaymentCharge") in l)
    attempts = sum(v for (n, l), v in delta.items() if n == WATCHED[1] and ("activity_type", "PaymentCharge") in l)
    statuses = {}
    for (name, labels), value in delta.items():
        if name == WATCHED[2]:
            status = dict(labels)["status"]
            statuses[status] = statuses.get(status, 0.0) + value
    if attempts == 0 or failed == 0 or not statuses:
        print(f"the run left no trace in the watched metrics (charges {attempts:g}, failed {failed:g}, "
              f"statuses {statuses})", file=sys.stderr)
        return 1

    rules = yaml.safe_load(Path(__file__).parent.parent.joinpath(
        "k8s/components/observability/prometheus-rules.yaml").read_text())["spec"]
    exprs = {rule.get("alert") or rule["record"]: rule["expr"] for g in rules["groups"] for rule in g["rules"]}
    test = {
        "rule_files": ["orderflow.rules.yaml"],
        "evaluation_interval": "1m",
        "tests": [{
            "interval": "1m",
            "input_series": [{"series": selector(name, labels), "values": f"0+{value:g}x30"}
                             for (name, labels), value in sorted(delta.items())],
            "promql_expr_test": [
                {"expr": exprs[FAILURE_RATE_ALERT], "eval_time": "20m",
                 "exp_samples": [{"labels": '{activity_type="PaymentCharge",task_queue="payment"}',
                                  "value": failed / attempts}]},
                {"expr": PER_STATUS_RECORD, "eval_time": "20m",
                 "exp_samples": [{"labels": f'{PER_STATUS_RECORD}{{status="{status}"}}', "value": count}
                                 for status, count in sorted(statuses.items())]},
            ],
        }],
    }
    with tempfile.TemporaryDirectory() as directory:
        Path(directory, "orderflow.rules.yaml").write_text(yaml.safe_dump(rules, sort_keys=False))
        Path(directory, "scraped.test.yaml").write_text(yaml.safe_dump(test, sort_keys=False))
        result = promtool.run("test", "rules", str(Path(directory, "scraped.test.yaml")))
    print(result.stdout + result.stderr)
    print(f"{FAILURE_RATE_ALERT}: PaymentCharge fails {failed:g} of {attempts:g} attempts on the real stack; "
          f"orders entering each status: {statuses}")
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
