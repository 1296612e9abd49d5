#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the normalizer's output against docs/schemas with a real JSON Schema validator.

Runs normalize_dump over tests/data (or reads its JSON lines from standard input) and checks,
independently of the C++ code:
  * every event normalized, and every object validates against the schema its `schema` names
    (draft 2020-12, additionalProperties false, so any drift between code and schema fails);
  * the schemas reject an object with an extra key, a missing key or a wrong `schema`;
  * `id` equals gev_ + base32(SHA-256(tenant 0x1f provider 0x1f dedup key))[:26], and every
    hash equals HMAC-SHA256 of the wa_id in the original with the tenant's test key;
  * no phone number, text, caption, name, address, e-mail or coordinate of the payload appears
    anywhere in the normalized object;
  * every documented WhatsApp message type, interactive kind and status, and every provider,
    was covered;
  * with --doc, docs/NORMALIZATION.md names every key of every schema.
"""
import argparse
import base64
import copy
import hashlib
import hmac
import json
import subprocess
import sys

import jsonschema

SCHEMAS = {
    "gerbang.normalized_message/1": "normalized_message.v1.json",
    "gerbang.normalized_status/1": "normalized_status.v1.json",
    "gerbang.normalized_event/1": "normalized_event.v1.json",
}
MESSAGE_TYPES = {"text", "image", "audio", "video", "document", "sticker", "location",
                 "contacts", "interactive", "button", "reaction", "order", "system",
                 "unsupported", "unknown"}
INTERACTIVE_KINDS = {"button_reply", "list_reply", "nfm_reply"}
STATUSES = {"sent", "delivered", "read", "failed", "played"}
PROVIDERS = {"whatsapp", "stripe", "midtrans", "xendit", "generic", "standard"}
# Keys whose values are content or personal data in the providers' payloads.
SENSITIVE_KEYS = {"body", "caption", "name", "formatted_name", "first_name", "last_name",
                  "address", "phone", "phone_number", "display_phone_number", "email",
                  "payer_email", "receipt_email", "wa_id", "new_wa_id", "from", "recipient_id",
                  "text", "description", "emoji", "response_json", "url", "latitude",
                  "longitude", "question", "options", "client_name", "va_number",
                  "payment_destination", "client_secret", "biz_opaque_callback_data"}


# Free text among them: any 12 characters of it count, so a truncated copy is caught too.
FREE_TEXT_KEYS = {"body", "caption", "text", "description", "address", "name", "formatted_name",
                  "question", "response_json", "client_name"}


def stable_id(tenant, provider, dedup_key):
    material = tenant.encode() + b"\x1f" + provider.encode() + b"\x1f" + dedup_key.encode()
    digest = hashlib.sha256(material).digest()
    return "gev_" + base64.b32encode(digest).decode().lower().rstrip("=")[:26]


def tenant_key(tenant):
    return hashlib.sha256(b"gerbang-test-sender-key:" + tenant.encode()).digest()


def hmac_hex(key, wa_id):
    return hmac.new(key, wa_id.encode(), hashlib.sha256).hexdigest()


def sensitive_values(value, key=None, inside_errors=False):
    """Needles for the strings and numbers under sensitive keys (error titles are allowed)."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from sensitive_values(v, k, inside_errors or k == "errors")
    elif isinstance(value, list):
        for v in value:
            yield from sensitive_values(v, key, inside_errors)
    elif key in SENSITIVE_KEYS and not inside_errors and not isinstance(value, bool):
        if isinstance(value, str) and key in FREE_TEXT_KEYS and len(value) > 12:
            yield from (value[i:i + 12] for i in range(len(value) - 11))
        elif isinstance(value, str) and len(value) >= 4:
            yield value
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            yield json.dumps(value)


def property_names(schema):
    """Every key an object of the schema can have, nested objects included."""
    names = set()
    if isinstance(schema, dict):
        names.update(schema.get("properties", {}))
        for value in schema.values():
            names |= property_names(value)
    elif isinstance(schema, list):
        for value in schema:
            names |= property_names(value)
    return names


def undocumented_keys(schemas, doc_path):
    with open(doc_path, encoding="utf-8") as f:
        doc = f.read()
    problems = []
    for name, schema in schemas.items():
        missing = sorted(k for k in property_names(schema) if "`%s`" % k not in doc)
        if missing:
            problems.append("%s: keys not described in %s: %s"
                            % (name, doc_path, ", ".join(missing)))
    return problems


def load_lines(args):
    if args.dump:
        proc = subprocess.run([args.dump, args.data], capture_output=True, text=True,
                              check=False)
        if proc.returncode != 0:
            sys.exit("normalize_dump failed (%d): %s" % (proc.returncode, proc.stderr))
        text = proc.stdout
    else:
        text = sys.stdin.read()
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def check_schemas_reject_drift(validators, samples):
    problems = []
    for schema_name, obj in samples.items():
        validator = validators[schema_name]
        extra = copy.deepcopy(obj)
        extra["unexpected_key"] = "x"
        missing = copy.deepcopy(obj)
        del missing["content_ref"]
        wrong = copy.deepcopy(obj)
        wrong["schema"] = schema_name.replace("/1", "/2")
        for label, bad in (("extra key", extra), ("missing key", missing),
                           ("other version", wrong)):
            if validator.is_valid(bad):
                problems.append("%s accepts an object with %s" % (schema_name, label))
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", help="normalize_dump executable (else read standard input)")
    parser.add_argument("--data", help="directory of payload samples for --dump")
    parser.add_argument("--schemas", required=True, help="docs/schemas")
    parser.add_argument("--doc", help="docs/NORMALIZATION.md, to check it names every key")
    args = parser.parse_args()

    validators = {}
    schemas = {}
    for name, file in SCHEMAS.items():
        with open("%s/%s" % (args.schemas, file), encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        validators[name] = jsonschema.Draft202012Validator(schema)
        schemas[name] = schema

    lines = load_lines(args)
    problems = []
    seen_types, seen_kinds, seen_statuses, seen_providers = set(), set(), set(), set()
    samples = {}
    for line in lines:
        where = "%s %s" % (line["fixture"], line["locator"])
        if not line["ok"]:
            problems.append("%s: not normalized: %s" % (where, line["error"]))
            continue
        obj, original = line["normalized"], line["original"]
        validator = validators.get(obj.get("schema"))
        if validator is None:
            problems.append("%s: unknown schema %r" % (where, obj.get("schema")))
            continue
        samples.setdefault(obj["schema"], obj)
        for error in validator.iter_errors(obj):
            problems.append("%s: %s at /%s" % (where, error.message,
                                               "/".join(map(str, error.absolute_path))))
        if obj["id"] != stable_id(line["tenant"], line["provider"], line["dedup_key"]):
            problems.append("%s: id is not the stable id" % where)
        if obj["tenant"] != line["tenant"]:
            problems.append("%s: tenant differs" % where)
        key = tenant_key(line["tenant"])
        expect_hashes = []
        if obj["schema"] == "gerbang.normalized_message/1":
            seen_types.add(obj["type"])
            if obj["interactive"]:
                seen_kinds.add(obj["interactive"]["kind"])
            expect_hashes.append(("sender_hash", obj["sender_hash"], original.get("from")))
            context = original.get("context")
            if context:
                expect_hashes.append(("context.from_hash", obj["context"]["from_hash"],
                                      context.get("from")))
            if obj["system"]:
                system = original.get("system", {})
                expect_hashes.append(("system.new_sender_hash", obj["system"]["new_sender_hash"],
                                      system.get("new_wa_id", system.get("wa_id"))))
            if obj["wamid"] != original.get("id"):
                problems.append("%s: wamid differs from the original's id" % where)
        elif obj["schema"] == "gerbang.normalized_status/1":
            seen_statuses.add(obj["status"])
            expect_hashes.append(("recipient_hash", obj["recipient_hash"],
                                  original.get("recipient_id")))
        else:
            seen_providers.add(obj["provider"])
        if obj["schema"] != "gerbang.normalized_event/1":
            seen_providers.add("whatsapp")
        for label, actual, wa_id in expect_hashes:
            expected = hmac_hex(key, wa_id) if wa_id else None
            if actual != expected:
                problems.append("%s: %s is not HMAC-SHA256(tenant key, wa_id)" % (where, label))
        serialized = json.dumps(obj, ensure_ascii=False)
        leaked = [s for s in sorted(set(sensitive_values(original))) if s in serialized]
        if leaked:
            problems.append("%s: normalized object contains payload content %r"
                            % (where, leaked[0]))

    problems += check_schemas_reject_drift(validators, samples)
    if args.doc:
        problems += undocumented_keys(schemas, args.doc)
    for label, wanted, seen in (("message types", MESSAGE_TYPES, seen_types),
                                ("interactive kinds", INTERACTIVE_KINDS, seen_kinds),
                                ("statuses", STATUSES, seen_statuses),
                                ("providers", PROVIDERS, seen_providers),
                                ("schemas", set(SCHEMAS), set(samples))):
        if wanted - seen:
            problems.append("no fixture covers %s: %s" % (label, ", ".join(sorted(wanted - seen))))

    for p in problems:
        print("FAIL:", p)
    print("%d normalized objects from %d fixtures checked against %d schemas: %s"
          % (len(lines), len({line["fixture"] for line in lines}), len(SCHEMAS),
             "%d problem(s)" % len(problems) if problems else "all valid"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
