"""What the production Temporal server did, from its history service's Prometheus endpoint.

  temporal_counters.py snapshot <metrics url>          one JSON object of counters on stdout
  temporal_counters.py delta <before.json> <after.json> [completed]
                                                       the difference, and per completed workflow

Counted (history service, namespace "default" where the metric names one):
- events_per_closed_workflow: history events of the workflows that closed in between
  (history_count, operation CompletionStats: the server records a closing workflow's event count);
- visibility_writes: visibility store writes (started, upserted search attributes, closed);
- execution_updates / execution_creates: writes of workflow state to the history store, the
  server's main persistence cost per state change.
"""
import json
import re
import sys
import urllib.request

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+([0-9.eE+-]+)$')


def labels(text):
    return dict(re.findall(r'(\w+)="([^"]*)"', text or ""))


def snapshot(url):
    counters = {"closed_events_sum": 0.0, "closed_workflows": 0.0, "visibility_writes": 0.0,
                "execution_updates": 0.0, "execution_creates": 0.0}
    with urllib.request.urlopen(url, timeout=10) as answer:
        for line in answer.read().decode().splitlines():
            match = SAMPLE.match(line)
            if not match:
                continue
            name, tags, value = match.group(1), labels(match.group(2)), float(match.group(3))
            in_default = tags.get("namespace") == "default"
            if name == "history_count_sum" and in_default and tags.get("operation") == "CompletionStats":
                counters["closed_events_sum"] += value
            elif name == "history_count_count" and in_default and tags.get("operation") == "CompletionStats":
                counters["closed_workflows"] += value
            elif name == "visibility_persistence_requests":
                counters["visibility_writes"] += value
            elif name == "persistence_requests" and in_default and tags.get("operation") == "UpdateWorkflowExecution":
                counters["execution_updates"] += value
            elif name == "persistence_requests" and in_default and tags.get("operation") == "CreateWorkflowExecution":
                counters["execution_creates"] += value
    return counters


def delta(before, after, completed=None):
    diff = {key: after[key] - before[key] for key in after}
    result = {
        "closed_workflows": int(diff["closed_workflows"]),
        "events_per_closed_workflow": round(diff["closed_events_sum"] / diff["closed_workflows"], 1)
        if diff["closed_workflows"] else None,
        "visibility_writes": int(diff["visibility_writes"]),
        "execution_updates": int(diff["execution_updates"]),
        "execution_creates": int(diff["execution_creates"]),
    }
    if completed:
        for key in ("visibility_writes", "execution_updates", "execution_creates"):
            result[key + "_per_completed"] = round(diff[key] / completed, 1)
    return result


if __name__ == "__main__":
    if sys.argv[1] == "snapshot":
        print(json.dumps(snapshot(sys.argv[2])))
    else:
        completed = float(sys.argv[4]) if len(sys.argv) > 4 else None
        print(json.dumps(delta(json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), completed)))
