#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Fills translations/gerbang_{id,en}.ts after `lupdate` (see translations/README.md):
# Indonesian from id_texts.py, English as the source text (with proper plural forms).
# Exits non-zero when a source text has no Indonesian translation.
import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from id_texts import ID  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def english_plural(text):
    return [text.replace('(s)', ''), text.replace('(s)', 's')]


def fill(lang):
    path = os.path.join(ROOT, f'gerbang_{lang}.ts')
    tree = ET.parse(path)
    missing = []
    for message in tree.getroot().iter('message'):
        source = message.find('source').text
        numerus = message.get('numerus') == 'yes'
        tr = message.find('translation')
        if tr is None:
            tr = ET.SubElement(message, 'translation')
        tr.attrib.pop('type', None)
        for child in list(tr):
            tr.remove(child)
        tr.text = None
        if lang == 'id':
            value = ID.get(source)
            if value is None:
                missing.append(source)
                tr.set('type', 'unfinished')
                continue
        else:
            value = english_plural(source) if numerus else source
        if numerus:
            forms = value if isinstance(value, list) else [value]
            for f in forms:
                ET.SubElement(tr, 'numerusform').text = f
        else:
            tr.text = value
    tree.write(path, encoding='utf-8', xml_declaration=True)
    with open(path, encoding='utf-8') as f:
        body = f.read()
    body = body.replace("<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(body if body.endswith('\n') else body + '\n')
    return missing


missing = fill('id')
fill('en')
for m in missing:
    print('missing Indonesian translation:', repr(m), file=sys.stderr)
sys.exit(1 if missing else 0)
