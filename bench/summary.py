"""Turns one bench/run.sh run into a JSON summary: Gatling's figures plus CPU and memory per process.

Arguments: the run's Gatling report (index.html), whose statistics table holds the figures per
request and per group; what run.sh measured (per-process CPU ticks and peak RSS); optionally the
ceiling's result (CeilingRun's JSON line). Orders completed = successful "order placed → terminal"
groups.
"""
import json
import os
import sys
from html.parser import HTMLParser

import temporal_counters

COLUMNS = ["total", "ok", "ko", "ko_percent", "per_s", "min_ms", "p50_ms", "p75_ms", "p95_ms", "p99_ms",
           "max_ms", "mean_ms", "stddev_ms"]


def number(text):
    """A figure of the table ("1,234", "12.5"); None for "-" and for what is not a number (the
    errors table's percentages share the markup)."""
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


class StatisticsTable(HTMLParser):
    """Rows of the report's statistics table: {name: {column: number}}."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self._name, self._values, self._in_name, self._in_value = {}, None, [], False, False

    def handle_starttag(self, tag, attrs):
        classes = dict(attrs).get("class") or ""
        if tag == "tr":
            self._name, self._values = None, []
        elif tag == "span" and "ellipsed-name" in classes:
            self._in_name = True
        elif tag == "td" and classes.startswith("value"):
            self._in_value = True

    def handle_endtag(self, tag):
        if tag == "tr" and self._name and len(self._values) == len(COLUMNS):
            self.rows[self._name] = dict(zip(COLUMNS, self._values))
        self._in_name = self._in_name and tag != "span"
        self._in_value = self._in_value and tag != "td"

    def handle_data(self, data):
        if self._in_name and data.strip():
            self._name = data.strip()
        elif self._in_value and data.strip():
            self._values.append(number(data.strip()))


def server_counters(report_dir, prefix, workflow_type):
    """The production server's counters around one phase (temporal_counters.py), or None."""
    before, after = (os.path.join(report_dir, f"{prefix}-{when}.json") for when in ("before", "after"))
    if not (os.path.exists(before) and os.path.exists(after)):
        return None
    return temporal_counters.delta(json.load(open(before)), json.load(open(after)), workflow_type)


def main():
    measured = json.load(open(sys.argv[2]))
    ceiling_path = sys.argv[3] if len(sys.argv) > 3 else None
    table = StatisticsTable()
    table.feed(open(sys.argv[1], encoding="utf-8").read())
    accept, order = table.rows["place order"], table.rows["order placed → terminal"]
    completed = int(order["ok"])
    tick_ms = 1000 / measured["clk_tck"]
    pick = ("p50_ms", "p95_ms", "p99_ms", "max_ms")
    summary = {
        "report": measured["report"],
        "orders_completed": completed,
        "orders_failed": int(order["ko"]),
        "completed_per_s": order["per_s"],
        "accept_ms": {k: accept[k] for k in pick},
        "placed_to_terminal_ms": {k: order[k] for k in pick},
        "cpu_ms_per_order": {part: round(p["cpu_ticks"] * tick_ms / completed, 1) if completed else None
                             for part, p in sorted(measured["processes"].items())},
        "peak_rss_mib": {part: round(p["peak_rss_kib"] / 1024) for part, p in sorted(measured["processes"].items())},
    }
    report_dir = os.path.dirname(sys.argv[2])
    server = server_counters(report_dir, "temporal", "Checkout")
    if server:
        summary["temporal_server"] = server
    if ceiling_path and os.path.exists(ceiling_path) and os.path.getsize(ceiling_path) > 0:
        summary["ceiling"] = json.load(open(ceiling_path))
        summary["checkout_to_ceiling"] = round(summary["completed_per_s"] / summary["ceiling"]["completed_per_s"], 2)
        ceiling_completed = summary["ceiling"].get("completed")
        server = server_counters(report_dir, "ceiling-temporal", "Ceiling")
        if server:
            summary["ceiling"]["temporal_server"] = server
        ceiling_measured = os.path.join(report_dir, "ceiling-measured.json")
        if ceiling_completed and os.path.exists(ceiling_measured):
            processes = json.load(open(ceiling_measured))["processes"]
            summary["ceiling"]["cpu_ms_per_workflow"] = {
                part: round(p["cpu_ticks"] * tick_ms / ceiling_completed, 1) for part, p in sorted(processes.items())}
    print(json.dumps(summary, indent=2, ensure_ascii=False))


main()
