"""Schemathesis hooks for the slow tier (tests/slow/generated_apps.sh).

One check replaces the built-in `ensure_resource_availability` (ST302, "created resource not found").
The built-in check knows a record is gone only when the scenario deleted that record itself. A generated
backend also deletes records by cascade, as its spec says (`onDelete: cascade`): deleting a project
deletes its tasks and their comments. A stateful scenario that creates a comment, deletes the comment's
project, then reads the comment gets a correct 404, which the built-in check reports as a failure.

`created_resource_available` runs the built-in check unchanged and lets its failure stand unless an
ancestor of the created record was deleted successfully earlier in the run: a record its references
lead to (`taskId`, then that task's `projectId`, ...) along the cascading relations of the spec named
by BF_SCHEMATHESIS_SPEC, read from the response bodies the run recorded. When a link of that chain was
never seen in a response (its record was made before the run), a deletion in an ancestor's collection
is enough. Every other 404 on a just-created record still fails.
"""

import json
import os
import sys

import schemathesis
from schemathesis.openapi.checks import EnsureResourceAvailability
from schemathesis.specs.openapi.checks import ensure_resource_availability

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from spec_paths import collection_path as _collection  # noqa: E402


def cascade_parents(spec):
    """{collection path: collection paths whose record deletion may delete its records}, transitively."""
    paths = {e["name"]: _collection(e) for e in spec["entities"]}
    direct = {path: set() for path in paths.values()}
    for rel in spec.get("relations", []):
        if rel.get("onDelete") == "cascade" and rel.get("kind") != "many-to-many":
            direct[paths[rel["to"]]].add(paths[rel["from"]])
    closed = {}
    for path in direct:
        seen, todo = set(), list(direct[path])
        while todo:
            parent = todo.pop()
            if parent not in seen:
                seen.add(parent)
                todo.extend(direct[parent])
        closed[path] = seen
    return closed


def cascade_refs(spec):
    """{collection path: {reference field: parent collection}} for the references a cascade deletes along."""
    paths = {e["name"]: _collection(e) for e in spec["entities"]}
    refs = {path: {} for path in paths.values()}
    for rel in spec.get("relations", []):
        if rel.get("onDelete") == "cascade" and rel.get("kind") != "many-to-many" and rel.get("inverse"):
            refs[paths[rel["to"]]][rel["inverse"] + "Id"] = paths[rel["from"]]
    return refs


_SPEC = json.load(open(os.environ["BF_SCHEMATHESIS_SPEC"], encoding="utf-8")) \
    if os.environ.get("BF_SCHEMATHESIS_SPEC") else {"entities": []}
_PARENTS = cascade_parents(_SPEC)
_REFS = cascade_refs(_SPEC)


def _collection_of(path):
    return "/".join(path.split("/")[:3])


def _body(response):
    try:
        body = response.json()
    except Exception:  # not JSON (a 204, a problem served as text): no record in it
        return None
    return body if isinstance(body, dict) else None


def deleted_by_cascade(recorder, case, created, parents_of, refs_of):
    """True when an earlier successful DELETE may have deleted the record `created` (its body) by cascade."""
    collection = _collection_of(case.path)
    parents = parents_of.get(collection, set())
    if not parents or recorder is None:
        return False
    deleted, known = {}, {}  # id deleted in a cascading parent collection -> its collection; id -> latest body
    for prior in recorder.find_all_cases():
        response = recorder.find_response(case_id=prior.id)
        if response is None or not 200 <= response.status_code < 300:
            continue
        if prior.operation.method.upper() == "DELETE":
            if prior.path_parameters and _collection_of(prior.path) in parents:
                deleted.update((str(v), _collection_of(prior.path)) for v in prior.path_parameters.values())
        elif (body := _body(response)) is not None and isinstance(body.get("id"), str):
            known[body["id"]] = body
    if not deleted:
        return False
    if created is None or not isinstance(created.get("id"), str):
        return True  # (nothing to follow: a deletion in an ancestor's collection is enough)
    # The ancestors the recorded bodies lead to; above a record never seen, any record of the
    # collections that cascade to it may be one.
    ancestors, unknown_above = set(), set()
    todo = [(collection, known.get(created["id"], created))]
    while todo:
        col, body = todo.pop()
        for field, parent_col in refs_of.get(col, {}).items():
            parent_id = body.get(field)
            if not isinstance(parent_id, str) or parent_id in ancestors:
                continue
            ancestors.add(parent_id)
            if parent_id in known:
                todo.append((parent_col, known[parent_id]))
            else:
                unknown_above |= parents_of.get(parent_col, set())
    return any(i in ancestors or col in unknown_above for i, col in deleted.items())


@schemathesis.check
def created_resource_available(ctx, response, case):
    try:
        return ensure_resource_availability(ctx, response, case)
    except EnsureResourceAvailability:
        parent = ctx.internals.find_parent(case_id=case.id)
        parent_response = ctx.internals.find_response(case_id=parent.id) if parent else None
        created = _body(parent_response) if parent_response is not None else None
        if deleted_by_cascade(ctx.internals.recorder, case, created, _PARENTS, _REFS):
            return None
        raise


def _self_test():
    from types import SimpleNamespace as NS

    spec = {
        "entities": [{"name": n, "plural": p} for n, p in
                     [("User", "Users"), ("Project", "Projects"), ("Task", "Tasks"), ("Comment", "Comments"),
                      ("Tag", "Tags"), ("OrderItem", "OrderItems")]],
        "relations": [
            {"from": "User", "to": "Project", "kind": "one-to-many", "onDelete": "cascade", "inverse": "owner"},
            {"from": "Project", "to": "Task", "kind": "one-to-many", "onDelete": "cascade", "inverse": "project"},
            {"from": "Task", "to": "Comment", "kind": "one-to-many", "onDelete": "cascade", "inverse": "task"},
            {"from": "Task", "to": "Tag", "kind": "many-to-many", "onDelete": "cascade", "inverse": "tasks"},
            {"from": "Project", "to": "OrderItem", "kind": "one-to-many", "onDelete": "set-null", "inverse": "p"},
        ],
    }
    parents = cascade_parents(spec)
    assert parents["/api/comments"] == {"/api/tasks", "/api/projects", "/api/users"}, parents
    assert parents["/api/users"] == set() and parents["/api/tags"] == set(), parents
    assert parents["/api/order-items"] == set(), parents
    refs = cascade_refs(spec)
    assert refs["/api/comments"] == {"taskId": "/api/tasks"} and refs["/api/tags"] == {}, refs

    def recorder(*calls):  # (method, path, path parameters, status, response body)
        cases = [NS(id=str(i), path=call[1], path_parameters=call[2], operation=NS(method=call[0]))
                 for i, call in enumerate(calls)]

        def response(case_id):
            call = calls[int(case_id)]
            return NS(status_code=call[3], json=lambda: call[4])
        return NS(find_all_cases=lambda: cases, find_response=lambda case_id: response(case_id))

    def seen(method, path, body):
        return (method, path, {"id": body["id"]} if "{id}" in path else {}, 200, body)

    comment_case = NS(path="/api/comments/{id}")
    comment = {"id": "c1", "taskId": "t1", "body": "x"}
    task = {"id": "t1", "projectId": "p1", "title": "x"}
    project = {"id": "p1", "ownerId": "u1"}
    cascade = lambda *calls: deleted_by_cascade(recorder(*calls), comment_case, comment, parents, refs)  # noqa: E731

    def delete(path, record_id, status=204):
        return ("DELETE", path, {"id": record_id}, status, None)

    # The comment's own task, or its task's project, deleted: a cascade.
    assert cascade(seen("POST", "/api/tasks", task), delete("/api/tasks/{id}", "t1"))
    assert cascade(seen("POST", "/api/tasks", task), seen("GET", "/api/projects/{id}", project),
                   delete("/api/projects/{id}", "p1"))
    # Another project deleted, with the chain known: no cascade, the 404 stands.
    assert not cascade(seen("POST", "/api/tasks", task), delete("/api/projects/{id}", "p2"))
    assert not cascade(seen("POST", "/api/tasks", task), delete("/api/tasks/{id}", "t2"))
    # The task never seen in the run (made before it): a project deletion may be the cascade.
    assert cascade(delete("/api/projects/{id}", "p2"))
    # The comment moved to another task later (PATCH): its latest body counts.
    moved = seen("PATCH", "/api/comments/{id}", {"id": "c1", "taskId": "t2"})
    assert cascade(seen("POST", "/api/tasks", task), moved, delete("/api/tasks/{id}", "t2"))
    # Not a cascade: a failed delete, a collection-wide delete, a PATCH, a many-to-many, no recorder.
    assert not cascade(seen("POST", "/api/tasks", task), delete("/api/tasks/{id}", "t1", 404))
    assert not cascade(("DELETE", "/api/projects", {}, 204, None))
    assert not cascade(("PATCH", "/api/projects/{id}", {"id": "p1"}, 200, project))
    assert not cascade(delete("/api/tags/{id}", "x1"))
    assert not deleted_by_cascade(None, comment_case, comment, parents, refs)
    assert not deleted_by_cascade(recorder(delete("/api/projects/{id}", "p1")), NS(path="/api/users/{id}"),
                                  {"id": "u1"}, parents, refs)
    print("schemathesis_hooks self-test: ok")


if __name__ == "__main__":
    _self_test()
