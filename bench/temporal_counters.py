"""What the production Temporal server did, from its history service's Prometheus endpoint.

  temporal_counters.py snapshot <metrics url>          one JSON object of counters on stdout
  temporal_counters.py delta <before.json> <after.json> <workflow type>
                                                       the difference, per closed workflow of that type

Counted (history service, namespace "default" where the metric names one):
- visibility_writes: visibility store writes (started, upserted search attributes, closed);
- execution_updates / execution_creates: writes of workflow state to the history store, the
  server's main persistence cost per state change;
and from the visibility store, through the Temporal CLI (BENCH_TEMPORAL_CLI, BENCH_TEMPORAL_ADDRESS):
- closed workflows per type in between and their history length (events), min / mean / max.
Writes are divided by the closed workflows of the named type (Checkout, Ceiling): the per-customer
order lists that stay open are charged to the orders they list.
"""
import datetime
import os
import subprocess
import json
import re
import sys
import urllib.request

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+([0-9.eE+-]+)$')


def labels(text):
    return dict(re.findall(r'(\w+)="([^"]*)"', text or ""))


def snapshot(url):
    counters = {"at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"), "visibility_writes": 0.0,
                "execution_updates": 0.0, "execution_creates": 0.0}
    with urllib.request.urlopen(url, timeout=10) as answer:
        for line in answer.read().decode().splitlines():
            match = SAMPLE.match(line)
            if not match:
                continue
            name, tags, value = match.group(1), labels(match.group(2)), float(match.group(3))
            in_default = tags.get("namespace") == "default"
            if name == "visibility_persistence_requests":
                counters["visibility_writes"] += value
            elif name == "persistence_requests" and in_default and tags.get("operation") == "UpdateWorkflowExecution":
                counters["execution_updates"] += value
            elif name == "persistence_requests" and in_default and tags.get("operation") == "CreateWorkflowExecution":
                counters["execution_creates"] += value
    return counters


def closed_between(start, end):
    """{workflow type: [history length, ...]} of the workflows that closed in [start, end)."""
    cli = os.environ.get("BENCH_TEMPORAL_CLI", "temporal")
    address = os.environ.get("BENCH_TEMPORAL_ADDRESS", "127.0.0.1:7233")
    listed = subprocess.run(
        [cli, "workflow", "list", "--address", address, "--limit", "100000", "-o", "json",
         "--query", f'CloseTime >= "{start}" AND CloseTime < "{end}"'],
        check=True, capture_output=True, text=True).stdout
    lengths = {}
    for execution in json.loads(listed or "[]"):
        lengths.setdefault(execution["type"]["name"], []).append(int(execution.get("historyLength", 0)))
    return lengths


def delta(before, after, workflow_type):
    lengths = closed_between(before["at"], after["at"])
    closed = len(lengths.get(workflow_type, []))
    result = {
        "closed": {name: {"workflows": len(values), "events_min": min(values),
                          "events_mean": round(sum(values) / len(values), 1), "events_max": max(values)}
                   for name, values in sorted(lengths.items())},
    }
    for key in ("visibility_writes", "execution_updates", "execution_creates"):
        result[key] = int(after[key] - before[key])
        result[key + "_per_" + workflow_type] = round((after[key] - before[key]) / closed, 1) if closed else None
    return result


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        print(json.dumps(snapshot(sys.argv[2])))
    else:
        print(json.dumps(delta(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), sys.argv[4])))
