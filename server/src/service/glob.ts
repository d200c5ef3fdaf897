// A small glob matcher for corpus include/exclude settings: `**`, `*`, `?`, `{a,b}` and
// `[...]` over '/'-separated relative paths. Enough for VS Code-style file globs without
// pulling a dependency into the server bundle.

export type GlobMatcher = (relativePath: string) => boolean;

export function compileGlob(glob: string): GlobMatcher {
  const regex = new RegExp('^' + translate(glob.replace(/\\/g, '/').replace(/^\.\//, '')) + '$');
  return (relativePath) => regex.test(relativePath.replace(/\\/g, '/'));
}

export function compileGlobs(globs: readonly string[]): GlobMatcher {
  const matchers = globs.filter((g) => g.trim() !== '').map(compileGlob);
  return (relativePath) => matchers.some((m) => m(relativePath));
}

function translate(glob: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more whole segments; a trailing `**` matches the rest.
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:[^/]*/)*' : '.*';
        i += slash ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '{') {
      braceDepth++;
      out += '(?:';
    } else if (c === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (c === ',' && braceDepth > 0) {
      out += '|';
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 1);
      if (close < 0) {
        out += '\\[';
      } else {
        const body = glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\');
        out += `[${body}]`;
        i = close;
      }
    } else {
      out += c.replace(/[.+^$()|\\\]]/g, '\\$&');
    }
  }
  return out;
}

/**
 * Whether a folder can be skipped without reading it: an exclude glob like `** /node_modules/**`
 * matches anything inside it, so we test a hypothetical child path.
 */
export function excludesFolder(exclude: GlobMatcher, relativeFolder: string): boolean {
  return exclude(relativeFolder + '/x') || exclude(relativeFolder + '/');
}
