"""Schemathesis hooks of scripts/contract-test.sh.

Each hook covers one rule of the API that a JSON Schema cannot state, and only for cases generated
as *valid* (positive mode): without it, schemathesis would send a request the document calls valid
but the gateway must refuse, and report the refusal as a finding (positive_data_acceptance).
Cases generated as invalid (negative mode) are left untouched, so every such rule is still checked
from the other side: the gateway must refuse them.
"""
import uuid

import schemathesis
from schemathesis.core.parameters import ParameterLocation


def _positive_at(case, location):
    meta = case.meta
    return meta is None or not meta.is_negative_at(location)


def _is(context, method, path):
    operation = context.operation
    return operation is not None and operation.method.lower() == method and operation.path == path


@schemathesis.hook
def map_case(context, case):
    if _is(context, "post", "/api/v1/orders"):
        _fresh_idempotency_key(case)
        _distinct_skus(case)
    if _is(context, "get", "/api/v1/orders"):
        _no_forged_page_token(case)
    return case


def _fresh_idempotency_key(case):
    """An Idempotency-Key is valid once per body: the same key with another body is a 422 by
    contract (the gateway's JUnit tests cover replays and reuse). Generated keys repeat (hypothesis
    likes "0"), so a valid key is made unique to its case, keeping the documented alphabet and
    length."""
    headers = case.headers or {}
    key = headers.get("Idempotency-Key")
    if key is None or not _positive_at(case, ParameterLocation.HEADER):
        return
    headers["Idempotency-Key"] = (key[:31] + "_" + uuid.uuid4().hex)[:64]


def _distinct_skus(case):
    """Items name each SKU at most once (else 400), and JSON Schema has no "unique by member"."""
    body = case.body
    if not isinstance(body, dict) or not isinstance(body.get("items"), list):
        return
    if not _positive_at(case, ParameterLocation.BODY):
        return
    seen = set()
    for number, item in enumerate(body["items"]):
        if not isinstance(item, dict) or not isinstance(item.get("sku"), str):
            continue
        sku = item["sku"]
        while sku in seen:
            sku = (sku[:56] + "-" + uuid.uuid4().hex[:7])
        item["sku"] = sku
        seen.add(sku)


def _no_forged_page_token(case):
    """A page token is opaque and sealed by the gateway (an HMAC over the listing and the caller):
    no generated value can be valid, and a generated case has no real token of its caller and
    listing to follow. A valid case asks for the first page instead."""
    query = case.query or {}
    if "pageToken" in query and _positive_at(case, ParameterLocation.QUERY):
        del query["pageToken"]
