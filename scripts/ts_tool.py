#!/usr/bin/env python3
"""Small helper for the Qt Linguist files.

  ts_tool.py list FILE.ts            print unfinished messages as JSON lines {"ctx","src","n"}
  ts_tool.py fill FILE.ts MAP.json   fill unfinished messages from {"context\\u0004source": "translation", "source": "..."}
  ts_tool.py english FILE.ts         English file: every unfinished message gets its source text
  ts_tool.py count FILE.ts           number of unfinished messages
"""
import json
import sys
import xml.etree.ElementTree as ET


def load(path):
    tree = ET.parse(path)
    return tree, tree.getroot()


def messages(root):
    for ctx in root.iter('context'):
        name = ctx.findtext('name')
        for msg in ctx.iter('message'):
            yield name, msg


def unfinished(msg):
    t = msg.find('translation')
    return t is None or t.get('type') == 'unfinished'


def set_translation(msg, text):
    t = msg.find('translation')
    if t is None:
        t = ET.SubElement(msg, 'translation')
    t.attrib.pop('type', None)
    if msg.get('numerus') == 'yes':
        for child in list(t):
            t.remove(child)
        t.text = None
        forms = text if isinstance(text, list) else [text]
        for f in forms:
            ET.SubElement(t, 'numerusform').text = f
    else:
        t.text = text


def save(tree, path):
    ET.indent(tree, space='    ')
    with open(path, 'wb') as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding='utf-8', xml_declaration=False)
        f.write(b'\n')


def main():
    cmd, path = sys.argv[1], sys.argv[2]
    tree, root = load(path)
    if cmd == 'list':
        for ctx, msg in messages(root):
            if unfinished(msg):
                print(json.dumps({'ctx': ctx, 'src': msg.findtext('source'), 'n': msg.get('numerus') == 'yes'},
                                 ensure_ascii=False))
    elif cmd == 'count':
        print(sum(1 for _, m in messages(root) if unfinished(m)))
    elif cmd == 'english':
        for _, msg in messages(root):
            if unfinished(msg):
                src = msg.findtext('source')
                set_translation(msg, [src, src] if msg.get('numerus') == 'yes' else src)
        save(tree, path)
    elif cmd == 'fill':
        mapping = json.load(open(sys.argv[3], encoding='utf-8'))
        done = 0
        for ctx, msg in messages(root):
            if not unfinished(msg):
                continue
            src = msg.findtext('source')
            text = mapping.get(ctx + '\u0004' + src, mapping.get(src))
            if text:
                set_translation(msg, text)
                done += 1
        save(tree, path)
        print(f'filled {done}')
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
