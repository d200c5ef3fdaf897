// A unified diff of two texts by lines (Myers' O(ND) algorithm), for `copydesk fix --dry-run`.

export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
  if (oldText === newText) return '';
  const a = splitLines(oldText);
  const b = splitLines(newText);
  const script = diffLines(a, b);
  const out: string[] = [`--- ${oldName}`, `+++ ${newName}`];
  // Group the edit script into hunks with `context` unchanged lines around each change.
  let i = 0;
  while (i < script.length) {
    if (script[i].op === '=') {
      i++;
      continue;
    }
    let start = i;
    let keep = 0;
    while (start > 0 && script[start - 1].op === '=' && keep < context) {
      start--;
      keep++;
    }
    let end = i;
    let trailing = 0;
    while (end < script.length) {
      if (script[end].op === '=') {
        trailing++;
        if (trailing > context * 2) break;
      } else {
        trailing = 0;
      }
      end++;
    }
    while (end > i && script[end - 1].op === '=' && trailing-- > context) end--;
    const hunk = script.slice(start, end);
    const first = script[start];
    const oldCount = hunk.filter((e) => e.op !== '+').length;
    const newCount = hunk.filter((e) => e.op !== '-').length;
    out.push(`@@ -${first.oldLine + (oldCount ? 1 : 0)},${oldCount} +${first.newLine + (newCount ? 1 : 0)},${newCount} @@`);
    for (const e of hunk) out.push((e.op === '=' ? ' ' : e.op) + e.text.replace(/\r?\n$|\r$/, ''));
    i = end;
  }
  return out.join('\n') + '\n';
}

interface Step {
  op: '=' | '-' | '+';
  text: string;
  /** 0-based index of this line (or the next line) in the old and new texts. */
  oldLine: number;
  newLine: number;
}

function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

function diffLines(a: string[], b: string[]): Step[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  // Walk the trace back from the end to recover the script.
  const steps: Step[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      steps.push({ op: '=', text: a[x], oldLine: x, newLine: y });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      steps.push({ op: '+', text: b[y], oldLine: x, newLine: y });
    } else {
      x--;
      steps.push({ op: '-', text: a[x], oldLine: x, newLine: y });
    }
  }
  return steps.reverse();
}
