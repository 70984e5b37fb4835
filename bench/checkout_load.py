#!/usr/bin/env python3
"""Checkout load generator: places orders over the REST contract and follows each to a terminal
status. Standard library only. Talks to loopback only and stops by itself after --orders orders.

Prints one JSON object: throughput, latency percentiles (accept = POST answered, complete = order
terminal), outcome counts, and the stock check (units sold == units taken from the catalog).
"""
import argparse
import base64
import json
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid


def call(method, url, body=None, headers=None, timeout=60):
    """One API call; a 429 is retried after the Retry-After the gateway names (a few times)."""
    for _ in range(5):
        status, answer, retry_after = call_once(method, url, body, headers, timeout)
        if status != 429:
            return status, answer
        time.sleep(float(retry_after or 1))
    return status, answer


def call_once(method, url, body, headers, timeout):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null"), None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), error.headers.get("Retry-After")


def access_token(issuer, client_id, secret, scope):
    """A token from the identity provider, the documented way: client credentials at /oauth2/token."""
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "scope": scope}).encode()
    request = urllib.request.Request(issuer.rstrip("/") + "/oauth2/token", data=form, method="POST")
    basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
    request.add_header("Authorization", f"Basic {basic}")
    request.add_header("Content-Type", "application/x-www-form-urlencoded")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())["access_token"]


def percentile(values, p):
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
    return round(ordered[index] * 1000, 1)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8080")
    parser.add_argument("--orders", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--token", default="tok_visa")
    parser.add_argument("--issuer", default="http://127.0.0.1:9000", help="the dev identity provider")
    parser.add_argument("--customer-secret", default="alice-dev-secret")
    parser.add_argument("--operator-secret", default="operator-dev-secret")
    args = parser.parse_args()

    for url in (args.base_url, args.issuer):
        if urllib.parse.urlparse(url).hostname not in ("127.0.0.1", "localhost", "::1"):
            sys.exit("refusing to send load anywhere but loopback")

    # The operator stocks the benchmark product; the orders are placed as the customer alice.
    # Tokens live 15 minutes by default, longer than a benchmark run.
    operator = {"Authorization": "Bearer " + access_token(
        args.issuer, "operator", args.operator_secret, "catalog:write orders:read")}
    customer = {"Authorization": "Bearer " + access_token(
        args.issuer, "customer-alice", args.customer_secret, "orders:read orders:write")}

    api = args.base_url.rstrip("/") + "/api/v1"
    sku = "BENCH-" + uuid.uuid4().hex[:8].upper()
    stocked = args.orders * 2
    status, _ = call("PUT", f"{api}/products/{sku}",
                     {"name": "Benchmark mug", "priceCents": 1250, "currency": "EUR", "available": stocked},
                     operator)
    if status != 200:
        sys.exit(f"could not create the benchmark product: HTTP {status}")

    lock = threading.Lock()
    next_order = [0]
    accept, complete, outcomes, errors = [], [], {}, []

    def worker():
        while True:
            with lock:
                if next_order[0] >= args.orders:
                    return
                next_order[0] += 1
            body = {"items": [{"sku": sku, "quantity": 1}],
                    "payment": {"token": args.token},
                    "shippingAddress": {"name": "Ada Lovelace", "line1": "12 Main St", "city": "London",
                                        "postalCode": "N1 9GU", "country": "GB"}}
            started = time.perf_counter()
            status, view = call("POST", f"{api}/orders", body, customer)
            accepted = time.perf_counter()
            if status != 202:
                with lock:
                    errors.append(f"POST {status}")
                continue
            order_id = view["orderId"]
            while view["status"] not in ("COMPLETED", "FAILED", "CANCELLED"):
                status, view = call("GET", f"{api}/orders/{order_id}?waitForTerminal=PT30S", headers=customer)
                if status != 200:
                    with lock:
                        errors.append(f"GET {status}")
                    break
            finished = time.perf_counter()
            with lock:
                accept.append(accepted - started)
                complete.append(finished - started)
                outcomes[view["status"]] = outcomes.get(view["status"], 0) + 1

    began = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began

    _, product = call("GET", f"{api}/products/{sku}")
    sold = outcomes.get("COMPLETED", 0)
    report = {
        "orders": args.orders,
        "concurrency": args.concurrency,
        "elapsed_s": round(elapsed, 2),
        "completed_per_s": round(sold / elapsed, 2),
        "accept_ms": {"p50": percentile(accept, 50), "p95": percentile(accept, 95), "p99": percentile(accept, 99)},
        "complete_ms": {"p50": percentile(complete, 50), "p95": percentile(complete, 95),
                        "p99": percentile(complete, 99),
                        "mean": round(statistics.mean(complete) * 1000, 1) if complete else None},
        "outcomes": outcomes,
        "errors": len(errors),
        "stock_consistent": product.get("available") == stocked - sold,
    }
    print(json.dumps(report, indent=2))
    return 0 if not errors and report["stock_consistent"] and sold == args.orders else 1


if __name__ == "__main__":
    sys.exit(main())
