import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob, compileGlobs, excludesFolder } from './glob';

test('default corpus glob takes .txt and .article at any depth', () => {
  const files = compileGlob('**/*.{txt,article}');
  assert.ok(files('a.txt'));
  assert.ok(files('outlet/2017/b.article'));
  assert.ok(!files('notes.md'));
  assert.ok(!files('a.txt.bak'));
});

test('exclude globs skip whole folders without listing them', () => {
  const exclude = compileGlobs(['**/node_modules/**', '**/.*/**', '**/dist/**']);
  assert.ok(excludesFolder(exclude, 'node_modules'));
  assert.ok(excludesFolder(exclude, 'pkg/node_modules'));
  assert.ok(excludesFolder(exclude, '.git'));
  assert.ok(excludesFolder(exclude, 'a/.cache'));
  assert.ok(!excludesFolder(exclude, 'outlets'));
  assert.ok(exclude('dist/x.txt'));
  assert.ok(!exclude('distant/x.txt'));
});

test('? and character classes', () => {
  assert.ok(compileGlob('file?.txt')('file1.txt'));
  assert.ok(!compileGlob('file?.txt')('file10.txt'));
  assert.ok(compileGlob('[ab]*.txt')('beta.txt'));
  assert.ok(!compileGlob('[!ab]*.txt')('beta.txt'));
});
