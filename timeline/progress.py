"""Progress on long work: a tqdm bar on a terminal, a plain line now and then in a log file.

A bar that redraws with carriage returns is right on a terminal and wrong in a file (every
redraw is kept: megabytes of log on a large corpus), so when stderr is not a terminal the same
figures are printed as one whole line at most every ``interval`` seconds, plus a last line.
``Progress`` is called as ``progress(done, total)`` for documents (``extract``'s ``progress``),
and ``progress.stage(name, done, total)`` follows the steps of one long document (``extract``'s
``on_stage``).
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from tqdm import tqdm


class Progress:
    """Documents done out of a total, drawn for a terminal or logged for a file."""

    def __init__(self, unit: str = "documents", stream: TextIO | None = None, interval: float = 10.0,
                 terminal: bool | None = None, scaled: bool = False):
        self.unit = unit
        self.scale = {"unit_scale": True, "unit_divisor": 1024} if scaled else {}  # 3.1MB, not 3250176B
        self.postfix = ""
        self.stream = stream or sys.stderr
        self.interval = interval
        self.terminal = _is_terminal(self.stream) if terminal is None else terminal
        self.bar: tqdm | None = None
        self.started = time.monotonic()
        self.last_line = -float("inf")
        self.done = 0
        self.total = 0

    def __call__(self, done: int, total: int | None) -> None:
        """``done`` of ``total`` units finished (total None or 0 when unknown, e.g. a stream)."""
        self.done, self.total = done, total or 0
        if self.terminal:
            self._draw(done, total)
        elif done >= (total or float("inf")) or time.monotonic() - self.last_line >= self.interval:
            self._line()

    @classmethod
    def of_bytes(cls, stream: TextIO | None = None, interval: float = 10.0, terminal: bool | None = None) -> "Progress":
        """Input bytes done out of the total (what the ETA comes from), named like 3.1MB/12.0MB."""
        return cls("B", stream, interval, terminal, scaled=True)

    def read(self, done: int, total: int, documents: int) -> None:
        """``done`` of ``total`` bytes read, in ``documents`` documents so far."""
        self.postfix = f"{documents:,} document{'' if documents == 1 else 's'}"
        if self.bar is not None and not self.bar.disable:
            self.bar.set_postfix_str(self.postfix, refresh=False)
        self(done, total)

    def stage(self, name: str, done: int, total: int) -> None:
        """Step ``done`` of ``total`` of one document finished (``name`` says which)."""
        if self.bar is not None and not self.bar.disable:
            self.bar.set_postfix_str(f"{name} done", refresh=False)
        self(done, total)

    def close(self) -> None:
        """Finish the bar (or print the last line when the work stopped short of its total)."""
        if self.bar is not None:
            self.bar.close()
        elif not self.terminal and self.done and self.done != self.total:
            self._line()

    def _draw(self, done: int, total: int | None) -> None:
        if self.bar is not None and self.bar.disable:  # closed at its total: a last report draws no second bar
            return
        if self.bar is None:
            self.bar = tqdm(total=total or None, unit=self._unit(), file=self.stream, dynamic_ncols=True,
                            mininterval=0.2, leave=True, postfix=self.postfix or None, **self.scale)
        self.bar.update(done - self.bar.n)
        if total and done >= total:
            self.bar.close()

    def _line(self) -> None:
        self.last_line = time.monotonic()
        meter = tqdm.format_meter(self.done, self.total or None, self.last_line - self.started, ncols=0,
                                  unit=self._unit(), postfix=self.postfix or None, **self.scale)
        print(meter.strip(), file=self.stream, flush=True)


    def _unit(self) -> str:
        return self.unit if self.scale else f" {self.unit}"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
