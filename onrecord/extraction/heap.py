"""The process's freed memory kept for the next batch: glibc's malloc told, once, not to hand the
model's large temporary arrays back to the system after each batch.

Every batch the model allocates and frees arrays of tens of megabytes (each tok2vec layer's input
window, its matrix product, its normalised output, for every token of 16 articles).  By default
glibc's malloc (https://man7.org/linux/man-pages/man3/mallopt.3.html) serves an allocation that
large with its own ``mmap`` and gives it back on ``free``, and trims the heap's top once 128 KB of
it is free: the next batch's arrays then come from fresh pages, which the kernel faults in and
zeroes one by one.  Set here: allocations up to 32 MB (``M_MMAP_THRESHOLD``, its largest value on
64-bit systems) come from the heap, and the heap keeps up to 1 GB of free memory at its top
(``M_TRIM_THRESHOLD``) instead of returning it.  The peak memory does not change (the arrays are
as large as before; the heap only reuses them), the memory a process holds between batches stays
at that peak.  ``benchmarks/speed.py`` times the pipeline with it (the README's Speed section).  Another C
library, or none to call, leaves the process as it was.
"""

from __future__ import annotations

import ctypes
import sys

M_TRIM_THRESHOLD = -1  # glibc's mallopt parameters (malloc.h)
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024  # DEFAULT_MMAP_THRESHOLD_MAX on 64-bit: the largest glibc accepts
TRIM_THRESHOLD = 1024 * 1024 * 1024  # the free heap kept: more than a batch of 16 long articles frees

_done = False


def keep_freed_memory() -> bool:
    """Tell glibc's malloc (once per process) to keep freed memory for reuse; False when the
    process's C library has no ``mallopt`` (macOS, Windows) or refuses the values."""
    global _done
    if _done:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the process already runs on
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    _done = bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))
    return _done
