#!/usr/bin/env python3
"""Push one budget line to a Rasid collector, then read it back from the budget board.

A worked example of docs/API.md for integrators, written from that page alone: it builds a
batch of one record, signs it as "Signing" says, sends it to POST /v1/batches, checks the
answer (and that a resend of the same bytes is recognised as a replay), then reads
GET /v1/boards/budget for the center and the year, signed as a wall ("Walls' reads"), and
prints the figure the record changed.

    python3 docs/examples/push_and_read.py URL CENTER KEY_FILE --wall NAME --wall-key FILE
                                           [--spent N] [--program NAME]
    python3 docs/examples/push_and_read.py http://127.0.0.1:8440 MOH /tmp/rasid-demo/keys/MOH.key \
        --wall demo-wall --wall-key /tmp/rasid-demo/keys/demo-wall.key

KEY_FILE is a center's secret key as `rasid-agent init` writes it (DATA/agent.key) or as
`rasid-agent demo-data` writes the demo's (OUT/keys/CODE.key): the standard base64 of the
32-byte ed25519 secret. The key's public half must be registered for CENTER in the collector's
centers.toml. Boards are read as the wall NAME with its key FILE (as `rasid-kiosk init` writes
it, or the demo's OUT/keys/demo-wall.key), registered in a [[wall]] entry of centers.toml; a
collector started with --public-boards also answers without --wall. For a collector on HTTPS with a certificate from a private CA, name the CA's
PEM file in SSL_CERT_FILE, as for the agent (docs/API.md, "HTTPS"); Python's ssl reads it too.

Needs Python 3 (tested with 3.11) and the `cryptography` package (Debian and Ubuntu:
`apt-get install python3-cryptography`; elsewhere `pip install cryptography`). Exits 0 when
the record was accepted and the board shows it, 1 with the collector's word and message when
something was refused, 2 on bad arguments.

A budget line is a record any registered center may send without anything sent before it
(decision statuses need their decision, project reports their project). It is dated by the
collector's own clock (`today` of GET /v1/boards), so it is current by that clock, whatever this
machine's says.
"""

import argparse
import base64
import datetime
import json
import secrets
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

try:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
except ImportError:
    sys.exit(
        "this example needs the Python package 'cryptography': "
        "apt-get install python3-cryptography (Debian, Ubuntu) or pip install cryptography"
    )


class Refused(Exception):
    """The collector, or this script's checks of its answer, said no."""


def load_key(path):
    """An ed25519 key from its key file (base64 of the 32-byte secret): a center's or a wall's."""
    try:
        with open(path, "rb") as f:
            text = f.read().strip()
    except OSError as e:
        raise Refused(f"cannot read the key file {path}: {e}")
    try:
        secret = base64.b64decode(text, validate=True)
    except ValueError as e:
        raise Refused(
            f"the key file {path} is not the base64 of a key ({e}); give agent.key or rasid-wall.key"
        )
    if len(secret) != 32:
        raise Refused(
            f"the key file {path} holds {len(secret)} bytes, not the 32 of an ed25519 secret"
        )
    return Ed25519PrivateKey.from_private_bytes(secret)


def key_id(key):
    """The key's id, the batch's `agent` field: hex of the public key's first 8 bytes."""
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return public[:8].hex()


def call(method, url, body=None, headers=None):
    """One HTTP request; the decoded JSON answer, or Refused with the error word and message."""
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        # Every refusal is a status with {"error": word, "message": text} (API.md, "Errors").
        text = e.read().decode("utf-8", "replace")
        try:
            answer = json.loads(text)
            raise Refused(f"{method} {url}: {e.code} {answer['error']}: {answer['message']}")
        except (ValueError, KeyError, TypeError):
            raise Refused(f"{method} {url}: {e.code} {text.strip() or e.reason}")
    except (urllib.error.URLError, OSError) as e:
        raise Refused(f"{method} {url}: cannot reach the collector: {e}")
    except ValueError as e:
        raise Refused(f"{method} {url}: the answer is not JSON: {e}")


def read(base, path, wall):
    """A wall's read of `path` (with its query): signed over "GET\\nPATH\\nTIMESTAMP" with the
    wall's key, the wall named in X-Rasid-Wall. `wall` is (name, key), or None to read unsigned
    (a collector started with --public-boards)."""
    headers = {}
    if wall is not None:
        name, key = wall
        timestamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        signature = key.sign(f"GET\n{path}\n{timestamp}".encode("utf-8"))
        headers = {
            "X-Rasid-Wall": name,
            "X-Rasid-Timestamp": timestamp,
            "X-Rasid-Signature": base64.b64encode(signature).decode("ascii"),
        }
    return call("GET", base + path, headers=headers)


def budget_board(base, center, year, wall):
    """GET /v1/boards/budget narrowed to `center` and `year`, read as `wall`."""
    query = urllib.parse.urlencode({"center": center, "year": year})
    return read(base, f"/v1/boards/budget?{query}", wall)


def build_batch(center, agent, today, program, spent):
    """A batch of one budget line of `center`, for the month of the collector's `today`."""
    record = {
        "center": center,
        "as_of": today.isoformat(),
        # A record replaces the stored one of its key (center, year, month, program, category)
        # only with a higher revision. The clock in seconds rises with every run, so running
        # this example again replaces its line instead of being counted as a duplicate.
        "revision": int(time.time()),
        "record": {
            "record": "budget",
            "fiscal_year": today.year,
            "month": today.month,
            "program": program,
            "category": "operating",
            "allocated": 1_000_000,
            "committed": 0,
            "spent": spent,
            "currency": "ILS",
        },
    }
    return {
        "version": 1,
        "center": center,
        "agent": agent,
        # The epoch names the sender's numbering (letters and digits, at most 32): a new one
        # per run, so that each run may start again at batch 1.
        "epoch": secrets.token_hex(6),
        "seq": 1,
        "created": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "records": [record],
    }


def push(base, center, key, body):
    """POST /v1/batches: the signature is over the exact bytes of the body."""
    signature = base64.b64encode(key.sign(body)).decode("ascii")
    headers = {
        "Content-Type": "application/json",
        "X-Rasid-Center": center,
        "X-Rasid-Signature": signature,
    }
    return call("POST", f"{base}/v1/batches", body, headers)


def check_ack(ack, batch):
    """The answer names our batch and accepted our one record."""
    for field in ("center", "agent", "epoch", "seq"):
        if ack.get(field) != batch[field]:
            raise Refused(f"the answer's {field} is {ack.get(field)!r}, not {batch[field]!r}")
    for r in ack.get("rejected", []):
        problems = "; ".join(f"{p.get('field')}: {p.get('message')}" for p in r.get("problems", []))
        detail = f" ({problems})" if problems else ""
        raise Refused(f"record {r['key']} was rejected: {r['reason']}{detail}")
    if ack.get("duplicates"):
        raise Refused(
            f"record {ack['duplicates'][0]} was taken as a duplicate: a newer revision is stored"
        )
    if len(ack.get("accepted", [])) != 1:
        raise Refused(f"expected one accepted record, the answer says {ack.get('accepted')!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("url", help="the collector, e.g. https://collector.gsc.example:8443")
    parser.add_argument("center", help="the center's code in centers.toml, e.g. MOH")
    parser.add_argument("key_file", help="the center's secret key file (agent.key)")
    parser.add_argument(
        "--spent", type=int, default=84_000, help="spent this month (default 84000)"
    )
    parser.add_argument("--program", default="EXAMPLE", help="the budget program (default EXAMPLE)")
    parser.add_argument("--wall", help="the wall to read boards as ([[wall]] name in centers.toml)")
    parser.add_argument("--wall-key", help="that wall's secret key file (rasid-wall.key)")
    args = parser.parse_args()
    if (args.wall is None) != (args.wall_key is None):
        parser.error("give --wall and --wall-key together (or neither, for --public-boards)")
    base = args.url.rstrip("/")
    center = args.center

    key = load_key(args.key_file)
    wall = (args.wall, load_key(args.wall_key)) if args.wall else None
    # The collector's date, so that the line is current by its clock.
    today = datetime.date.fromisoformat(read(base, "/v1/boards", wall)["today"])
    before = budget_board(base, center, today.year, wall)

    batch = build_batch(center, key_id(key), today, args.program, args.spent)
    body = json.dumps(batch, ensure_ascii=False).encode("utf-8")
    ack = push(base, center, key, body)
    check_ack(ack, batch)
    if ack.get("replay"):
        raise Refused("the first sending was answered as a replay")
    print(f"accepted {ack['accepted'][0]} in batch {batch['epoch']}/{batch['seq']}"
          f" (digest {ack.get('digest')})")

    # Until a batch is acknowledged, send it again as it was: the same bytes and signature are
    # recognised and answered as before, with "replay": true, and nothing is counted twice.
    again = push(base, center, key, body)
    if not again.get("replay") or {**again, "replay": False} != ack:
        raise Refused(f"a resend was not answered as a replay of the first answer: {again!r}")

    after = budget_board(base, center, today.year, wall)
    if after.get("year") != today.year:
        raise Refused(f"the budget board shows year {after.get('year')}, not {today.year}")
    currency = after.get("currency", "")
    spent_before = before["total"]["spent"]
    print(
        f"budget board, {center}, {today.year}:"
        f" spent {spent_before} -> {after['total']['spent']} {currency}"
        f" (this line: {args.spent} in month {today.month})"
    )


if __name__ == "__main__":
    try:
        main()
    except Refused as e:
        sys.exit(f"push_and_read: {e}")
    except (KeyError, TypeError) as e:
        sys.exit(f"push_and_read: the collector's answer lacks what docs/API.md describes: {e!r}")
