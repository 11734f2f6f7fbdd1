"""The engine identity's checksum is cached per (path, size, mtime) and follows a changed model file."""

from __future__ import annotations

import os

from bilingual.translate import argos


def test_checksum_is_read_once_and_follows_changes(tmp_path, monkeypatch):
    model = tmp_path / "model.bin"
    model.write_bytes(b"weights one")
    reads = []
    real = argos._sha256
    monkeypatch.setattr(argos, "_sha256", lambda path: reads.append(path) or real(path))
    first = argos._checksum(model)
    assert argos._checksum(model) == first and len(reads) == 1
    model.write_bytes(b"weights two, longer")
    changed = argos._checksum(model)
    assert changed != first and len(reads) == 2
    # Same size, new mtime: read again.
    model.write_bytes(b"weights tw0, longer")
    stat = model.stat()
    os.utime(model, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert argos._checksum(model) != changed and len(reads) == 3


def test_engine_identity_uses_the_model_checksum(tiny_engine):
    model_bin = tiny_engine.package.path / "model" / "model.bin"
    assert tiny_engine.identity.endswith(argos._sha256(model_bin)[:12])
