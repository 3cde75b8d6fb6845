"""Chunks of a table kept for the rest of a run in an anonymous temporary file, so a costly parse is paid once.

A check run reads some datasets several times, one chunk at a time (retention, the per-column summaries,
the subject sets...). Reading a Parquet file again is cheap; parsing an access log or a CSV file again
is not (the log's regular expression per line is most of what reading it costs). :class:`ChunkSpill`
records the chunks of the first complete pass, pickled (the frames come back exactly as they were
parsed: same dtypes, same values), in a file created with :func:`tempfile.TemporaryFile` -- unlinked
from the start, readable by this process only, gone when it is closed or the process ends, so no copy
of the data persists. Only one chunk is in memory at a time; replays read at recorded offsets
(``os.pread``), so two replays may run side by side.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator

import pandas as pd

__all__ = ["ChunkSpill"]


class ChunkSpill:
    """The chunks of one complete pass over a table, replayable in order (see the module docstring)."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="privacy-audit-spill-")
        self._spans: list[tuple[int, int]] = []  # (offset, length) of each pickled chunk
        self._end = 0
        self.complete = False

    def record(self, chunks: Iterable[pd.DataFrame]) -> Iterator[pd.DataFrame]:
        """Yield ``chunks`` unchanged, writing each to the file; :attr:`complete` once all were seen."""
        for chunk in chunks:
            data = pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
            os.pwrite(self._file.fileno(), data, self._end)
            self._spans.append((self._end, len(data)))
            self._end += len(data)
            yield chunk
        self.complete = True

    def replay(self) -> Iterator[pd.DataFrame]:
        """The recorded chunks again, in order, one at a time."""
        fd = self._file.fileno()
        for offset, length in self._spans:
            yield pickle.loads(os.pread(fd, length, offset))

    def close(self) -> None:
        """Drop the file (its space is freed at once)."""
        self._file.close()
