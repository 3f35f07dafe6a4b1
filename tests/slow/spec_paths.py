"""API paths of a generated backend's records, from its spec (the generator's rule, docs/CONTRACT.md):
the kebab-case plural under /api (`OrderItem` -> /api/order-items).

  python3 tests/slow/spec_paths.py login SPEC.json   # the login entity's collection (/api/users, ...)
"""

import json
import re
import sys


def collection_path(entity):
    """The API path of an entity's records."""
    return "/api/" + re.sub(r"(?<!^)(?=[A-Z])", "-", entity["plural"]).lower()


def login_collection(spec):
    user = next(e for e in spec["entities"] if e["name"] == spec["auth"]["userEntity"])
    return collection_path(user)


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] != "login":
        sys.exit("usage: spec_paths.py login SPEC.json")
    with open(sys.argv[2], encoding="utf-8") as f:
        print(login_collection(json.load(f)))
