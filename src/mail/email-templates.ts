/**
 * The email templates (templates/email.hbs, email.txt.hbs, partials/email-*.hbs), compiled once per locale on an
 * ISOLATED Handlebars instance with the report's helpers (money, percent, safeUrl …): nothing else in the process
 * can add or replace a helper the email relies on, and only repository templates are ever compiled (B4).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import Handlebars from 'handlebars';

import { registerHelpers } from '../render/helpers/register-helpers.js';
import { defaultTemplatesDir } from '../render/load-templates.js';
import type { Messages } from '../render/messages/types.js';

export interface EmailTemplateSources {
  html: string;
  text: string;
  /** partials/email-*.hbs by name ("email-figures"). */
  partials: Readonly<Record<string, string>>;
}

export interface CompiledEmail {
  html: (view: unknown) => string;
  text: (view: unknown) => string;
}

const sourcesByDir = new Map<string, EmailTemplateSources>();

/** @example loadEmailTemplates().partials['email-figures'] // "<tr><td …" */
export function loadEmailTemplates(dir: string = defaultTemplatesDir()): EmailTemplateSources {
  const cached = sourcesByDir.get(dir);
  if (cached !== undefined) return cached;
  const partialsDir = path.join(dir, 'partials');
  const partials: Record<string, string> = {};
  for (const file of readdirSync(partialsDir).filter((name) => /^email-.*\.hbs$/.test(name)).sort()) {
    partials[file.slice(0, -'.hbs'.length)] = readFileSync(path.join(partialsDir, file), 'utf8');
  }
  const sources: EmailTemplateSources = {
    html: readFileSync(path.join(dir, 'email.hbs'), 'utf8'),
    text: readFileSync(path.join(dir, 'email.txt.hbs'), 'utf8'),
    partials,
  };
  sourcesByDir.set(dir, sources);
  return sources;
}

const compiled = new WeakMap<EmailTemplateSources, Map<Messages, CompiledEmail>>();
// Prototype access stays denied (the handlebars 4.6+ default, spelled out).
const RUNTIME = { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false } as const;

/**
 * The two templates as functions of a view, for one locale's messages.
 * @example compileEmail(loadEmailTemplates(), en).text(view) // "Xinjiang exports …"
 */
export function compileEmail(sources: EmailTemplateSources, messages: Messages): CompiledEmail {
  let byLocale = compiled.get(sources);
  if (byLocale === undefined) compiled.set(sources, (byLocale = new Map()));
  const existing = byLocale.get(messages);
  if (existing !== undefined) return existing;

  const htmlHbs = Handlebars.create();
  registerHelpers(htmlHbs, messages);
  for (const [name, source] of Object.entries(sources.partials)) htmlHbs.registerPartial(name, htmlHbs.compile(source));
  const html = htmlHbs.compile(sources.html, { strict: false });
  // A second instance for text: noEscape there must not leak into the HTML one's partials.
  const textHbs = Handlebars.create();
  registerHelpers(textHbs, messages);
  const text = textHbs.compile(sources.text, { noEscape: true });
  const email: CompiledEmail = {
    html: (view) => html(view, RUNTIME),
    text: (view) => text(view, RUNTIME).replace(/\n{3,}/g, '\n\n').trim() + '\n',
  };
  byLocale.set(messages, email);
  return email;
}
