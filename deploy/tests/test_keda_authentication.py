"""KEDA reads the queues' backlog from Temporal with the same client certificate as the workers."""
import copy

import jsonschema
import pytest

from test_schemas import validate_object

CLIENT_TLS_SECRET = "temporal-client-tls"


def temporal_triggers(objects):
    return [(o["metadata"]["name"], trigger) for o in objects if o["kind"] == "ScaledObject"
            for trigger in o["spec"]["triggers"] if trigger["type"] == "temporal"]


def trigger_authentications(objects):
    return {o["metadata"]["name"]: o for o in objects if o["kind"] == "TriggerAuthentication"}


def secrets_the_workers_mount_for_temporal(objects):
    return {volume["secret"]["secretName"]
            for o in objects if o["kind"] == "Deployment"
            for volume in o["spec"]["template"]["spec"].get("volumes", [])
            if "secret" in volume and volume["secret"]["secretName"] == CLIENT_TLS_SECRET}


def problems_with_trigger_authentication(objects):
    """What would keep KEDA from reading a queue over mutual TLS; empty when nothing would."""
    problems = []
    authentications = trigger_authentications(objects)
    for name, trigger in temporal_triggers(objects):
        ref = trigger.get("authenticationRef")
        if not ref:
            problems.append(f"{name}: no authenticationRef")
            continue
        authentication = authentications.get(ref["name"])
        if ref.get("kind", "TriggerAuthentication") != "TriggerAuthentication" or authentication is None:
            problems.append(f"{name}: refers to {ref['name']}, which the render does not contain")
            continue
        read = {(r["parameter"], r["name"], r["key"]) for r in authentication["spec"].get("secretTargetRef", [])}
        for parameter, key in (("cert", "tls.crt"), ("key", "tls.key")):
            if (parameter, CLIENT_TLS_SECRET, key) not in read:
                problems.append(f"{name}: {ref['name']} does not read {parameter} from {CLIENT_TLS_SECRET}/{key}")
    return problems


def test_every_temporal_trigger_in_prod_authenticates_with_the_workers_client_certificate(prod):
    assert temporal_triggers(prod), "prod renders no temporal triggers"
    assert secrets_the_workers_mount_for_temporal(prod) == {CLIENT_TLS_SECRET}
    assert problems_with_trigger_authentication(prod) == []


def test_the_rule_catches_a_missing_reference_a_missing_authentication_and_a_wrong_secret(prod):
    without_ref = copy.deepcopy(prod)
    next(o for o in without_ref if o["kind"] == "ScaledObject")["spec"]["triggers"][0].pop("authenticationRef")
    assert any("no authenticationRef" in p for p in problems_with_trigger_authentication(without_ref))

    without_authentication = [o for o in copy.deepcopy(prod) if o["kind"] != "TriggerAuthentication"]
    assert any("does not contain" in p for p in problems_with_trigger_authentication(without_authentication))

    wrong_secret = copy.deepcopy(prod)
    for authentication in trigger_authentications(wrong_secret).values():
        for ref in authentication["spec"]["secretTargetRef"]:
            ref["name"] = "someone-elses-tls"
    assert any("does not read cert" in p for p in problems_with_trigger_authentication(wrong_secret))


def test_the_dev_overlay_talks_to_its_temporal_without_tls_and_so_without_authentication(dev):
    assert all("authenticationRef" not in trigger for _, trigger in temporal_triggers(dev))
    assert trigger_authentications(dev) == {}


def test_the_trigger_authentication_schema_rejects_a_misspelt_field(prod):
    authentication = copy.deepcopy(next(iter(trigger_authentications(prod).values())))
    authentication["spec"]["secretTargetRef"][0]["parameters"] = authentication["spec"]["secretTargetRef"][0].pop("parameter")
    with pytest.raises(jsonschema.ValidationError):
        validate_object(authentication, "1.32")
