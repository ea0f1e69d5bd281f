import { describe, expect, it } from 'vitest';

import { defaultTemplatesDir, loadTemplates } from '../../src/render/load-templates.js';

describe('loadTemplates()', () => {
  const sources = loadTemplates();

  it('finds the repository templates and their partials', () => {
    expect(defaultTemplatesDir()).toMatch(/templates$/);
    expect(sources.report).toContain('<!DOCTYPE html>');
    expect(Object.keys(sources.partials)).toEqual(
      expect.arrayContaining(['changes', 'chart-section', 'cover', 'methodology', 'narrative', 'provenance', 'table-partners']),
    );
    expect(sources.css).toContain('@page');
  });

  it('reads the folder once', () => {
    expect(loadTemplates()).toBe(sources);
  });

  it('has exactly one unescaped output in all templates: the sanitised chart SVG', () => {
    const all = [sources.report, ...Object.values(sources.partials)].join('\n');
    const unescaped = [...all.matchAll(/\{\{\{\s*([^}]*?)\s*\}\}\}|\{\{&\s*([^}]*?)\s*\}\}/g)].map((m) => m[1] ?? m[2]);
    expect(unescaped).toEqual(['svg']);
  });

  it('has no script and no external URL in the templates themselves', () => {
    const all = [sources.report, ...Object.values(sources.partials), sources.css].join('\n');
    expect(all).not.toMatch(/<script|https?:\/\/|url\((?!#|data:)/i);
  });

  it('prints in the shipped fonts on A4, with table headers repeated and figures kept whole', () => {
    expect(sources.css).toMatch(/font-family:\s*"Noto Sans",\s*"Noto Sans SC",\s*sans-serif/);
    expect(sources.css).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(sources.css).toMatch(/thead\s*\{\s*display:\s*table-header-group/);
    expect(sources.css).toMatch(/figure\.chart\s*\{[^}]*break-inside:\s*avoid/);
    expect(sources.css).toMatch(/h1, h2, h3\s*\{[^}]*break-after:\s*avoid/);
  });
});
