// Tags a DIR of <id>.txt + <id>.dct with chrono-node (reference date = the DCT) and prints the
// scorer interchange format of DESIGN.md, one JSON line per document, so that dateline and
// chrono-node are scored by the same script on the same text.
// Usage: node bench/peers/chrono_timex.js DIR
'use strict';
const fs = require('fs');
const path = require('path');
const chrono = require(path.join(__dirname, 'node_modules', 'chrono-node'));

const pad = (n, width = 2) => String(n).padStart(width, '0');

// chrono has no TIMEX3 value; this builds one at the granularity of the components chrono
// says it read from the text (certain ones), never finer. A weekday alone ("Friday") is a day.
function timex(components) {
  const certain = (c) => components.isCertain(c);
  const get = (c) => components.get(c);
  const date = `${pad(get('year'), 4)}-${pad(get('month'))}-${pad(get('day'))}`;
  if (certain('hour')) {
    return { type: 'TIME', value: `${date}T${pad(get('hour'))}:${pad(get('minute') || 0)}` };
  }
  if (certain('day') || certain('weekday')) return { type: 'DATE', value: date };
  if (certain('month')) return { type: 'DATE', value: `${pad(get('year'), 4)}-${pad(get('month'))}` };
  if (certain('year')) return { type: 'DATE', value: pad(get('year'), 4) };
  return { type: 'DATE', value: date };  // "today", "tomorrow": chrono implies every component
}

// chrono reports UTF-16 indices; the scorer wants byte offsets into the UTF-8 file. One walk
// over the text per document, results in order.
function byteOffsets(text, results) {
  let unit = 0;
  let bytes = 0;
  const at = (target) => {
    for (; unit < target; unit++) {
      const c = text.charCodeAt(unit);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c < 0xdc00) { bytes += 4; unit++; }  // surrogate pair
      else bytes += 3;
    }
    return bytes;
  };
  return results.map((r) => {
    const begin = at(r.index);
    const end = at(r.index + r.text.length);
    return [begin, end];
  });
}

function main() {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node chrono_timex.js DIR\n');
    process.exit(2);
  }
  const ids = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  const out = [];
  for (const id of ids) {
    const text = fs.readFileSync(path.join(dir, `${id}.txt`), 'utf8');
    let ref = new Date();
    const dctPath = path.join(dir, `${id}.dct`);
    if (fs.existsSync(dctPath)) {
      const m = fs.readFileSync(dctPath, 'utf8').trim().match(/^(\d{4})-(\d{2})-(\d{2})/);
      if (m) ref = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
    }
    const results = chrono.parse(text, ref).sort((a, b) => a.index - b.index);
    const spans = byteOffsets(text, results);
    const timexes = results.map((r, i) => ({ begin: spans[i][0], end: spans[i][1], text: r.text, ...timex(r.start) }));
    out.push(JSON.stringify({ doc: id, timexes }));
    if (out.length >= 256) {
      process.stdout.write(out.join('\n') + '\n');
      out.length = 0;
    }
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

main();
