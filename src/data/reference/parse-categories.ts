/**
 * Category rules (data/reference/categories.json, or a user's own file): HS-code prefixes that make up a
 * category such as "apparel" = chapters 61 + 62. Validated here so a typo fails at load, with the file and
 * the path of the bad value, and not as an empty category in a report.
 */
import { z } from 'zod';
import { DataError, type Problem } from '../../errors.js';
import type { Category } from './types.js';

export const CATEGORIES_FILE = 'categories.json';

const hsPrefix = z.string().regex(/^\d{2,8}$/, 'an HS prefix is 2 to 8 digits, leading zeros kept, as a string');

const categorySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an id is kebab-case: lower-case letters, digits and single hyphens'),
    label: z.string().trim().min(1),
    labelZh: z.string().trim().min(1).optional(),
    prefixes: z.array(hsPrefix).min(1),
    exclude: z.array(hsPrefix).optional(),
    note: z.string().optional(),
  })
  .strict()
  .superRefine((category, context) => {
    // An exclusion outside every prefix can never apply: almost certainly a typo.
    (category.exclude ?? []).forEach((excluded, index) => {
      if (!category.prefixes.some((prefix) => excluded.startsWith(prefix))) {
        context.addIssue({ code: 'custom', path: ['exclude', index], message: `"${excluded}" is not inside any of the prefixes` });
      }
    });
  });

const fileSchema = z
  .object({
    $comment: z.string().optional(),
    categories: z.array(categorySchema),
  })
  .strict()
  .superRefine((file, context) => {
    const seen = new Set<string>();
    file.categories.forEach((category, index) => {
      if (seen.has(category.id)) {
        context.addIssue({ code: 'custom', path: ['categories', index, 'id'], message: `id "${category.id}" is used twice` });
      }
      seen.add(category.id);
    });
  });

/**
 * Parses and validates a categories file: `{ "categories": [{ id, label, labelZh?, prefixes, exclude?, note? }] }`.
 *
 * @example parseCategories('{"categories":[{"id":"socks","label":"socks","prefixes":["6115"]}]}')
 *   // [{ id: 'socks', label: 'socks', prefixes: ['6115'] }]
 */
export function parseCategories(text: string, file: string = CATEGORIES_FILE): Category[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DataError([problem(file, 'categories.json', `not valid JSON: ${error instanceof Error ? error.message : String(error)}`)]);
  }
  const result = fileSchema.safeParse(json);
  if (!result.success) {
    throw new DataError(
      result.error.issues.map((issue) => problem(file, 'categories.schema', `${issue.path.join('.') || '(root)'}: ${issue.message}`)),
    );
  }
  return result.data.categories.map((category) => ({ ...category }));
}

function problem(file: string, rule: string, message: string): Problem {
  return { severity: 'error', file, rule, message };
}
