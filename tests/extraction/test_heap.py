"""The heap kept for the model's arrays (heap.py): set once on glibc, a no-op elsewhere."""

from __future__ import annotations

import sys

import pytest

from onrecord.extraction import heap


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt")
def test_glibc_takes_the_thresholds(nlp) -> None:  # loading the pipeline set them
    assert heap.keep_freed_memory() is True
    assert heap._done is True


def test_a_c_library_without_mallopt_is_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(heap, "_done", False)
    monkeypatch.setattr(heap.sys, "platform", "linux")
    monkeypatch.setattr(heap.ctypes, "CDLL", lambda name: object())  # no mallopt on it
    assert heap.keep_freed_memory() is False


def test_refused_values_are_reported(monkeypatch) -> None:
    class Refusing:
        argtypes: list = []

        def __call__(self, param: int, value: int) -> int:
            return 0

    class Libc:
        mallopt = Refusing()

    monkeypatch.setattr(heap, "_done", False)
    monkeypatch.setattr(heap.sys, "platform", "linux")
    monkeypatch.setattr(heap.ctypes, "CDLL", lambda name: Libc())
    assert heap.keep_freed_memory() is False


def test_other_systems_are_left_alone(monkeypatch) -> None:
    monkeypatch.setattr(heap, "_done", False)
    monkeypatch.setattr(heap.sys, "platform", "darwin")
    assert heap.keep_freed_memory() is False
