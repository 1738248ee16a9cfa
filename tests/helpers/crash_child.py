"""A child that saves inspections until it is killed, for the store's crash test.

Run as ``python -m tests.helpers.crash_child DB``: it imports everything once, then for each line
``run SEED`` on stdin forks a worker (cheap: no interpreter start per kill) and prints ``pid N``.
The worker opens the store and saves inspections with three images each (and an audit entry in
the same transaction, as the decision workflow does), printing
``saved <record_id> <sha256>,<sha256>,<sha256>`` only AFTER ``append`` returned (the commit is on
disk), with one ``os.write`` so a kill never leaves half a line. When the worker is dead the
parent process prints ``reaped N``: everything the worker printed comes before that line.
"""

from __future__ import annotations

import hashlib
import os
import sys

from station import audit
from station.store import Store
from tests.helpers.store_data import inspection_body, inspection_images


def work(db: str, seed: int) -> None:
    store = Store.open(db)
    n = 0
    while True:
        n += 1
        images = inspection_images(seed * 100_000 + n, size=20_000)
        with store.transaction() as conn:
            record_id = store.append("inspection", inspection_body(n), images=images)
            audit.append(conn, "officer:crash", audit.Action.DECISION, record_id, {"n": n})
        digests = ",".join(hashlib.sha256(images[name]).hexdigest() for name in ("white", "ir", "uv"))
        os.write(1, f"saved {record_id} {digests}\n".encode())


def main(db: str) -> None:
    for line in sys.stdin:
        command, _, seed = line.partition(" ")
        if command != "run":
            break
        pid = os.fork()
        if pid == 0:
            try:
                work(db, int(seed))
            finally:
                os._exit(1)
        os.write(1, f"pid {pid}\n".encode())
        os.waitpid(pid, 0)
        os.write(1, f"reaped {pid}\n".encode())


if __name__ == "__main__":
    main(sys.argv[1])
