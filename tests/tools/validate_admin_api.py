#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks docs/admin-api.yaml against a running gateway, as tst_admin_api observed it.

The observed file (JSON) holds `routes`: [[METHOD, PATH, ROLE], ...] (the gateway's own route
table) and `responses`: [{method, path, status, body}, ...] (real replies; path is the route template),
`vocabulary`: {schema name: [wire names]} (the domain tables the document's enums must equal),
`error_codes`: [the API's own refusal codes, which the Error schema must list]. Exit status 0 when
every route of the gateway is in the document with the same role, every route of the document
exists, and every response validates against the document's schema for its path, method and
status; otherwise 1, with one line per problem."""
import argparse
import json
import sys

import jsonschema
import yaml


def resolve(spec, node):
    while isinstance(node, dict) and "$ref" in node:
        target = spec
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--spec", required=True)
    ap.add_argument("--observed", required=True)
    args = ap.parse_args()
    with open(args.spec, encoding="utf-8") as f:
        spec = yaml.safe_load(f)
    with open(args.observed, encoding="utf-8") as f:
        observed = json.load(f)
    problems = []
    if spec.get("openapi") != "3.1.0":
        problems.append("the document is not OpenAPI 3.1.0")

    documented = {}
    for path, item in spec["paths"].items():
        for method, op in item.items():
            documented[(method.upper(), path)] = op.get("x-gerbang-role")
    served = {(m, p): role for m, p, role in observed["routes"]}
    for key in sorted(served.keys() - documented.keys()):
        problems.append("served but not documented: %s %s" % key)
    for key in sorted(documented.keys() - served.keys()):
        problems.append("documented but not served: %s %s" % key)
    for key in sorted(served.keys() & documented.keys()):
        if served[key] != documented[key]:
            problems.append("%s %s: role %s served, %s documented"
                            % (key[0], key[1], served[key], documented[key]))

    # The document's enums of domain words are the gateway's vocabulary tables, word for word.
    for name, words in observed.get("vocabulary", {}).items():
        documented_words = spec["components"]["schemas"].get(name, {}).get("enum")
        if documented_words != words:
            problems.append("schema %s lists %s; the vocabulary has %s"
                            % (name, documented_words, words))

    # Every refusal code the API uses is one the document's Error lists.
    error_enum = spec["components"]["schemas"]["Error"]["properties"]["error"]["enum"]
    for code in observed.get("error_codes", []):
        if code not in error_enum:
            problems.append("error code %r is not in the document's Error schema" % code)

    # Schemas are checked with the whole document as their root, so $refs resolve.
    checked = 0
    for r in observed["responses"]:
        op = spec["paths"].get(r["path"], {}).get(r["method"].lower())
        if op is None:
            continue  # an unknown route: its 401/404 is checked against Error below
        response = resolve(spec, op["responses"].get(str(r["status"])))
        if response is None:
            problems.append("%s %s answered %d, which the document does not list"
                            % (r["method"], r["path"], r["status"]))
            continue
        content = response["content"]
        media = r.get("content_type", "application/json").split(";")[0].strip()
        if media not in content:
            problems.append("%s %s %d answered %s; the document lists %s"
                            % (r["method"], r["path"], r["status"], media, sorted(content)))
            continue
        if media != "application/json":
            checked += 1  # a document of its own kind (CSV): its media type is what is promised
            continue
        schema = content["application/json"]["schema"]
        validator = jsonschema.Draft202012Validator(
            {**spec, **{"$ref": schema["$ref"]}} if "$ref" in schema else {**spec, **schema})
        for error in validator.iter_errors(r["body"]):
            problems.append("%s %s %d: %s at %s" % (r["method"], r["path"], r["status"],
                                                    error.message, list(error.absolute_path)))
        checked += 1
    # Events of the live channel, against the schemas its operation lists by event name.
    live = spec["paths"].get("/admin/v1/live", {}).get("get", {}).get("x-gerbang-events", {})
    for e in observed.get("events", []):
        schema = live.get(e["event"])
        if schema is None:
            problems.append("live event %r is not in the document" % e["event"])
            continue
        validator = jsonschema.Draft202012Validator(
            {**spec, **{"$ref": schema["$ref"]}} if "$ref" in schema else {**spec, **schema})
        for error in validator.iter_errors(e["data"]):
            problems.append("live event %s: %s at %s" % (e["event"], error.message,
                                                         list(error.absolute_path)))
        checked += 1
    error_schema = spec["components"]["schemas"]["Error"]
    for r in observed.get("errors", []):
        validator = jsonschema.Draft202012Validator({**spec, **error_schema})
        for error in validator.iter_errors(r["body"]):
            problems.append("error body of %s %s %d: %s" % (r["method"], r["path"], r["status"],
                                                            error.message))
        checked += 1
    for p in problems:
        print(p)
    print("%d routes served, %d documented, %d responses validated, %d problems"
          % (len(served), len(documented), checked, len(problems)))
    return 1 if problems or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
