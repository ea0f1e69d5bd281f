/**
 * Reads a PDF back the way a reader's viewer would, to check what Chromium printed: the text of each page
 * (pdfjs-dist), the outline, the Info dictionary, and the names of the embedded fonts (pdf-lib, walking the
 * font dictionaries, so no poppler is needed).
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface InspectedPdf {
  pageTexts: string[];
  outline: string[];
  info: Record<string, unknown>;
  fonts: string[];
  /** The catalog has a structure tree (a tagged PDF, what screen readers use). */
  tagged: boolean;
}

export async function inspectPdf(bytes: Uint8Array): Promise<InspectedPdf> {
  // pdfjs transfers (detaches) the buffer it is given, and refuses a Buffer: hand it a plain copy.
  const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  try {
    const pageTexts: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      const text = content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
      pageTexts.push(text);
    }
    const outline = flattenOutline((await document.getOutline()) ?? []);
    const { info } = await document.getMetadata();
    const catalog = (await PDFDocument.load(bytes, { updateMetadata: false })).catalog;
    const tagged = catalog.get(PDFName.of('StructTreeRoot')) !== undefined;
    return { pageTexts, outline, info: info as Record<string, unknown>, fonts: await fontNames(bytes), tagged };
  } finally {
    await document.destroy();
  }
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

function flattenOutline(nodes: OutlineNode[]): string[] {
  return nodes.flatMap((node) => [node.title, ...flattenOutline(node.items)]);
}

async function fontNames(bytes: Uint8Array): Promise<string[]> {
  const document = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = new Set<string>();
  for (const [, object] of document.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict)) continue;
    if (object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const baseFont = object.get(PDFName.of('BaseFont'));
    // Subset fonts are named "ABCDEF+NotoSans-Regular": keep the font's own name.
    if (baseFont instanceof PDFName) names.add(baseFont.decodeText().replace(/^[A-Z]{6}\+/, ''));
  }
  return [...names].sort();
}

/** Text with runs of white space made single spaces, so a test can look for a phrase across line breaks. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
