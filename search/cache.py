"""A small thread-safe LRU cache bounded by the bytes of the numpy arrays it holds."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import fields, is_dataclass
from typing import Any

import numpy as np


def size_of(value: Any) -> int:
    """Bytes held by a cached value: numpy arrays, and tuples/lists/dicts/dataclasses of them;
    a memory-mapped file counts nothing (its pages are the page cache's, shared)."""
    if isinstance(value, np.memmap):
        return 64
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, tuple | list):
        return sum(size_of(v) for v in value) + 64
    if isinstance(value, dict):
        return sum(size_of(v) for v in value.values()) + 64 * len(value)
    if is_dataclass(value):
        return sum(size_of(getattr(value, f.name)) for f in fields(value)) + 64
    return 64


class ArrayCache:
    """Least-recently-used values, evicted once their total size passes `max_bytes`."""

    def __init__(self, max_bytes: int, size: Callable[[Any], int] = size_of):
        #: the bound: bytes by default, or whatever unit `size` measures values in
        self.max_bytes = max_bytes
        self._size = size
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value of `key`, computing (outside the lock) and storing it if absent."""
        value = self.peek(key)
        if value is not None:
            return value
        value = compute()
        self.put(key, value)
        return value

    def peek(self, key: Hashable) -> Any:
        """The cached value of `key`, or None; marks it recently used."""
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Hashable, value: Any) -> None:
        size = self._size(value)
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= old[1]
            self._items[key] = (value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, (_, evicted) = self._items.popitem(last=False)
                self._bytes -= evicted

    def __len__(self) -> int:
        return len(self._items)
