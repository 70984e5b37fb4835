"""Plots throughput and latency against concurrency, checkout next to the bare-Temporal ceiling.

Input: a results file (bench/results/*.json) with, per number of concurrent clients, the checkout's
summary (bench/run.sh, closed workload) and the ceiling's (CeilingRun); optionally the same with
two replicas of every role ("closed_scaled_out"). Output: a PNG.

    bench/plot.sh bench/results/2026-11-30-stack.json docs/benchmarks-stack.png
"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(results_path, png_path):
    results = json.load(open(results_path))
    runs = sorted(results["closed"], key=lambda run: run["users"])
    users = [run["users"] for run in runs]
    checkout_tput = [run["checkout"]["completed_per_s"] for run in runs]
    ceiling_tput = [run["ceiling"]["completed_per_s"] for run in runs]

    figure, (throughput, latency) = plt.subplots(1, 2, figsize=(11, 4.2))
    throughput.plot(users, ceiling_tput, "o-", label="bare Temporal ceiling (3 no-op activities)")
    throughput.plot(users, checkout_tput, "s-", label="orderflow checkout (REST → terminal)")
    for x, c, b in zip(users, checkout_tput, ceiling_tput):
        throughput.annotate(f"{c / b:.0%}", (x, c), textcoords="offset points", xytext=(4, -12), fontsize=8)
    # Optional: the same runs with two replicas of every role (scripts/stack.sh scale-out).
    scaled = sorted(results.get("closed_scaled_out", []), key=lambda run: run["users"])
    if scaled:
        scaled_users = [run["users"] for run in scaled]
        throughput.plot(scaled_users, [run["checkout"]["completed_per_s"] for run in scaled], "s--",
                        color="C2", label="checkout, two replicas of every role")
        throughput.plot(scaled_users, [run["ceiling"]["completed_per_s"] for run in scaled], "o--",
                        color="C0", alpha=0.5, label="ceiling, measured beside the two replicas")
    throughput.set_xlabel("concurrent clients (closed workload)")
    throughput.set_ylabel("completed per second")
    throughput.set_title("Throughput (label: checkout / ceiling)")
    throughput.set_ylim(bottom=0)
    throughput.legend(fontsize=8)

    for key, style in (("p50_ms", "-"), ("p95_ms", "--")):
        latency.plot(users, [run["ceiling"][key] for run in runs], "o" + style, color="C0",
                     label=f"ceiling {key[:3]}")
        latency.plot(users, [run["checkout"]["placed_to_terminal_ms"][key] for run in runs], "s" + style,
                     color="C1", label=f"checkout {key[:3]}")
    if scaled:
        latency.plot(scaled_users, [run["checkout"]["placed_to_terminal_ms"]["p50_ms"] for run in scaled], "s:",
                     color="C2", label="checkout p50, two replicas")
    latency.set_xlabel("concurrent clients (closed workload)")
    latency.set_ylabel("start → end (ms)")
    latency.set_title("Latency")
    latency.set_ylim(bottom=0)
    latency.legend(fontsize=8)

    figure.suptitle(results["title"], fontsize=10)
    figure.tight_layout()
    figure.savefig(png_path, dpi=110)


main(sys.argv[1], sys.argv[2])
