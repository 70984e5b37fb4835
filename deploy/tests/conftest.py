import pytest

from manifests import KUSTOMIZATIONS, render

_cache: dict[str, list[dict]] = {}


def rendered_tree(name: str) -> list[dict]:
    if name not in _cache:
        _cache[name] = render(name)
    return _cache[name]


@pytest.fixture(params=sorted(KUSTOMIZATIONS))
def tree(request):
    """(name, objects) of every kustomize tree: base and each overlay."""
    return request.param, rendered_tree(request.param)


@pytest.fixture(params=["dev", "prod"])
def overlay(request):
    """(name, objects) of each deployable overlay."""
    return request.param, rendered_tree(request.param)


@pytest.fixture
def dev():
    return rendered_tree("dev")


@pytest.fixture
def prod():
    return rendered_tree("prod")
