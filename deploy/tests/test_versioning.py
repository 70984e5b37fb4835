"""Worker Versioning: the checkout worker runs as versions of one Worker Deployment, one Kubernetes
Deployment and one ScaledObject per build id; the activity workers are not versioned."""
import re
import shutil
import subprocess

import jsonschema
import pytest
import yaml

from manifests import DEPLOY, K8S, env_value, of_kind, pod_spec, role_of
from test_schemas import validate_object

CHECKOUT = K8S / "base" / "workers" / "checkout"
WORKER_DEPLOYMENT = "orderflow-checkout"
BUILD_ID_LABEL = "orderflow.io/build-id"


def checkout_versions(objects):
    return [d for d in of_kind(objects, "Deployment") if role_of(d) == "checkout"]


def version_violations(objects) -> list[str]:
    """Each checkout version is one build everywhere: name, labels, worker settings, KEDA; its own image tag."""
    problems = []
    scaled = of_kind(objects, "ScaledObject")
    budgets = of_kind(objects, "PodDisruptionBudget")
    for deployment in checkout_versions(objects):
        name = deployment["metadata"]["name"]
        build = deployment["spec"]["template"]["metadata"]["labels"].get(BUILD_ID_LABEL)
        if not build:
            problems.append(f"{name}: pods carry no {BUILD_ID_LABEL} label")
            continue
        if name != f"checkout-worker-{build}":
            problems.append(f"{name}: not named after its build id {build}")
        if deployment["spec"]["selector"]["matchLabels"].get(BUILD_ID_LABEL) != build:
            problems.append(f"{name}: selector does not pin build {build} (versions would share pods)")
        container = pod_spec(deployment)["containers"][0]
        if ":" not in container["image"].rsplit("/", 1)[-1]:
            problems.append(f"{name}: image {container['image']} is not pinned to this version's tag")
        if env_value(container, "ORDERFLOW_WORKER_DEPLOYMENT_NAME") != WORKER_DEPLOYMENT:
            problems.append(f"{name}: worker deployment is not {WORKER_DEPLOYMENT}")
        if env_value(container, "ORDERFLOW_WORKER_DEPLOYMENT_BUILD_ID") != build:
            problems.append(f"{name}: the worker registers as another build than {build}")
        targeting = [s for s in scaled if s["spec"]["scaleTargetRef"]["name"] == name]
        triggers = [t["metadata"] for s in targeting for t in s["spec"]["triggers"]]
        if [(t.get("workerDeploymentName"), t.get("workerDeploymentBuildId")) for t in triggers] != [
                (WORKER_DEPLOYMENT, build)]:
            problems.append(f"{name}: KEDA does not scale it on the backlog of version {build}: {triggers}")
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        own = [b for b in budgets if b["spec"]["selector"]["matchLabels"].items() <= labels.items()]
        if len(own) != 1 or own[0]["spec"]["selector"]["matchLabels"].get(BUILD_ID_LABEL) != build:
            problems.append(f"{name}: no disruption budget of its own")
    return problems


def test_every_checkout_version_is_one_build_in_its_name_image_worker_settings_and_autoscaler(tree):
    _, objects = tree
    assert checkout_versions(objects), "no checkout worker version"
    problems = version_violations(objects)
    assert not problems, "\n".join(problems)


def test_the_rule_catches_a_version_whose_autoscaler_watches_another_build(dev):
    doctored = yaml.safe_load(yaml.safe_dump(dev))
    [trigger] = next(s for s in of_kind(doctored, "ScaledObject")
                     if s["spec"]["scaleTargetRef"]["name"].startswith("checkout-worker-"))["spec"]["triggers"]
    trigger["metadata"]["workerDeploymentBuildId"] = "some-other-build"
    assert any("KEDA" in p for p in version_violations(doctored))


def test_the_keda_schema_wants_the_deployment_name_and_build_id_together(dev):
    scaled = next(s for s in of_kind(dev, "ScaledObject") if s["spec"]["scaleTargetRef"]["name"].startswith("checkout-"))
    broken = yaml.safe_load(yaml.safe_dump(scaled))
    del broken["spec"]["triggers"][0]["metadata"]["workerDeploymentBuildId"]
    with pytest.raises(jsonschema.ValidationError):
        validate_object(broken, "1.32")


def test_activity_workers_are_not_versioned(tree):
    _, objects = tree
    for deployment in of_kind(objects, "Deployment"):
        if role_of(deployment) in (None, "checkout"):
            continue
        container = pod_spec(deployment)["containers"][0]
        assert env_value(container, "ORDERFLOW_WORKER_DEPLOYMENT_BUILD_ID") is None, deployment["metadata"]["name"]
    for scaled in of_kind(objects, "ScaledObject"):
        if not scaled["spec"]["scaleTargetRef"]["name"].startswith("checkout-worker-"):
            assert "workerDeploymentName" not in scaled["spec"]["triggers"][0]["metadata"]


def test_the_network_policy_covers_every_checkout_version(dev):
    [policy] = [p for p in of_kind(dev, "NetworkPolicy") if p["metadata"]["name"] == "checkout-worker"]
    for deployment in checkout_versions(dev):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        assert policy["spec"]["podSelector"]["matchLabels"].items() <= labels.items()


def test_a_new_version_copied_as_the_readme_says_runs_beside_the_current_one(tmp_path):
    """The rollout step of deploy/README.md: copy the current version's directory under the new build
    id, replace the id, list it beside the current one. Both render, apart, each with its autoscaler."""
    [current] = [d.name for d in (CHECKOUT / "versions").iterdir() if d.is_dir()]
    checkout = tmp_path / "checkout"
    shutil.copytree(CHECKOUT, checkout)
    shutil.copytree(K8S / "base" / "workers" / "checkout" / "version", checkout / "version", dirs_exist_ok=True)
    new = checkout / "versions" / "0-2-0"
    shutil.copytree(checkout / "versions" / current, new)
    kustomization = new / "kustomization.yaml"
    kustomization.write_text(re.sub(r"newTag: \S+", "newTag: 0.2.0", kustomization.read_text().replace(current, "0-2-0")))
    listing = checkout / "kustomization.yaml"
    listing.write_text(listing.read_text().replace(f"  - versions/{current}\n",
                                                   f"  - versions/{current}\n  - versions/0-2-0\n"))
    result = subprocess.run(["kubectl", "kustomize", str(checkout)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    objects = [o for o in yaml.safe_load_all(result.stdout) if o]

    assert {d["metadata"]["name"] for d in checkout_versions(objects)} == {
        f"checkout-worker-{current}", "checkout-worker-0-2-0"}
    assert {pod_spec(d)["containers"][0]["image"] for d in checkout_versions(objects)} == {
        "orderflow-checkout:0.1.0", "orderflow-checkout:0.2.0"}
    problems = version_violations(objects)
    assert not problems, "\n".join(problems)


def test_the_readme_walks_an_operator_through_shipping_a_workflow_change():
    readme = (DEPLOY / "README.md").read_text()
    for step in ("temporal worker deployment set-ramping-version", "temporal worker deployment set-current-version",
                 "temporal worker deployment describe-version", "drained"):
        assert step in readme, step
