"""Every rendered object is valid for the Kubernetes API (and KEDA's), checked fully offline."""
import json
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest

from observability import validate_operator_object

# The oldest Kubernetes we support (preStop `sleep` handlers are on by default from 1.30) and the
# newest the schema package ships.
KUBERNETES_VERSIONS = ["1.32", "1.37"]
SCHEMAS = Path(__file__).parent / "schemas"
KEDA_SCHEMAS = {
    "ScaledObject": json.loads((SCHEMAS / "keda-scaledobject-v1alpha1.json").read_text()),
    "TriggerAuthentication": json.loads((SCHEMAS / "keda-triggerauthentication-v1alpha1.json").read_text()),
}


def validate_object(obj: dict, version: str) -> None:
    if obj["apiVersion"].startswith("keda.sh/"):
        assert obj["kind"] in KEDA_SCHEMAS, f"no schema vendored for KEDA kind {obj['kind']}"
        jsonschema.Draft202012Validator(KEDA_SCHEMAS[obj["kind"]]).validate(obj)
    elif obj["apiVersion"].startswith("monitoring.coreos.com/"):
        validate_operator_object(obj)
    else:
        # strict: unknown fields (typos) are errors, as `kubectl apply --validate=strict` would say.
        kubernetes_validate.validate(obj, version, strict=True)


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
def test_every_rendered_object_validates_against_its_schema(tree, version):
    name, objects = tree
    failures = []
    for obj in objects:
        try:
            validate_object(obj, version)
        except (jsonschema.ValidationError, kubernetes_validate.ValidationError) as error:
            path = ".".join(str(p) for p in error.path)
            failures.append(f'{obj["kind"]}/{obj["metadata"]["name"]}: {path}: {error.message}')
        except kubernetes_validate.SchemaNotFoundError as error:
            failures.append(error.message)
    assert not failures, f"{name} against Kubernetes {version}:\n" + "\n".join(failures)


def test_schema_validation_rejects_a_misspelt_field(dev):
    deployment = next(o for o in dev if o["kind"] == "Deployment")
    broken = json.loads(json.dumps(deployment))
    broken["spec"]["template"]["spec"]["terminationGracePeriodSecond"] = 45
    with pytest.raises(kubernetes_validate.ValidationError):
        validate_object(broken, KUBERNETES_VERSIONS[0])


def test_keda_schema_rejects_an_unknown_queue_type_and_a_missing_task_queue(dev):
    scaled = next(o for o in dev if o["kind"] == "ScaledObject")
    wrong_type = json.loads(json.dumps(scaled))
    wrong_type["spec"]["triggers"][0]["metadata"]["queueTypes"] = "activities"
    no_queue = json.loads(json.dumps(scaled))
    del no_queue["spec"]["triggers"][0]["metadata"]["taskQueue"]
    for broken in (wrong_type, no_queue):
        with pytest.raises(jsonschema.ValidationError):
            validate_object(broken, KUBERNETES_VERSIONS[0])
