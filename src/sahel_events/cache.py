"""Content-hash cache of per-article results, so a rebuild redoes only what changed.

An entry's key hashes everything the result depends on: the source, its metadata
and annotation bytes, the reference dictionaries, the schemas and the code of this
package (which includes the extractor). Change any of them and the key changes.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa

# LZ4 (through pyarrow, already a dependency): entries shrink several-fold and
# decompress at memory speed, which is what an incremental rebuild waits on.
_CODEC = pa.Codec("lz4")


def _pack(data: bytes) -> bytes:
    return len(data).to_bytes(8, "little") + _CODEC.compress(data, asbytes=True)


def _unpack(blob: bytes) -> bytes:
    size = int.from_bytes(blob[:8], "little")
    return _CODEC.decompress(blob[8:], decompressed_size=size, asbytes=True)


@cache
def code_fingerprint() -> str:
    """Hash of this package's source files: a code change invalidates every entry."""
    h = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def files_fingerprint(paths: Iterable[Path]) -> str:
    h = hashlib.sha256()
    for path in sorted(paths):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def entry_key(context: str, *parts: bytes | str | None) -> str:
    h = hashlib.sha256(context.encode())
    for part in parts:
        data = b"\x00none" if part is None else part.encode() if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


class ResultCache:
    """Pickled results under ``folder/<2 hex>/<key>``; written atomically, pruned after a build."""

    def __init__(self, folder: Path | None, *, read: bool = True):
        self.folder = folder
        self.read = read
        self.used: set[str] = set()
        self.hits = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / key[:2] / key

    def get(self, key: str) -> Any | None:
        if self.folder is None:
            return None
        self.used.add(key)
        if not self.read:
            return None
        try:
            with open(self._path(key), "rb") as fh:
                value = pickle.loads(_unpack(fh.read()))  # noqa: S301 - our own cache, written by put()
        except (OSError, pickle.PickleError, EOFError, ValueError, pa.ArrowException):
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: Any) -> None:
        if self.folder is None:
            return
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{key}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(_pack(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)))
        os.replace(tmp, path)
        self.used.add(key)

    def prune(self) -> int:
        """Remove entries this build did not use; return how many."""
        if self.folder is None or not self.folder.exists():
            return 0
        removed = 0
        for path in self.folder.glob("*/*"):
            if path.name not in self.used:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
