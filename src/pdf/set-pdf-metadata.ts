/**
 * The PDF's Info dictionary. Chromium fills Title from <title> and stamps Creator, Producer and the dates of
 * the moment it printed; the report wants its own Title/Author/Subject/Keywords/Creator and a creation date
 * that comes from the job (a fixed one gives the same bytes for the same input). pdf-lib rewrites the file
 * object by object, so the outline (/Outlines) and the structure tree of the tagged PDF are kept as they are.
 */
import { ParseSpeeds, PDFDocument } from 'pdf-lib';

export interface PdfMetadata {
  title: string;
  author?: string;
  subject?: string;
  keywords?: readonly string[];
  /** The program that made the document, e.g. "tradebrief 0.1.0". */
  creator?: string;
  /** Written as both CreationDate and ModDate. */
  creationDate: Date;
}

/**
 * Returns a copy of `pdf` with its metadata replaced, and its page count (0 means Chromium printed nothing usable).
 * @example const { bytes } = await setPdfMetadata(pdf, { title: 'Xinjiang → US, August 2022', creationDate: new Date('2022-09-20T00:00:00Z') })
 */
export async function setPdfMetadata(pdf: Uint8Array, metadata: PdfMetadata): Promise<{ bytes: Uint8Array; pageCount: number }> {
  // updateMetadata: false, or pdf-lib stamps its own Producer and the current time as ModDate.
  // Fastest / objectsPerTick Infinity: pdf-lib otherwise pauses for a timer tick every 100 objects (a tagged
  // report has over a thousand), which only lets other work in; a render has none waiting, it just takes longer.
  const document = await PDFDocument.load(pdf, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  document.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author !== undefined) document.setAuthor(metadata.author);
  if (metadata.subject !== undefined) document.setSubject(metadata.subject);
  if (metadata.keywords !== undefined) document.setKeywords([...metadata.keywords]);
  if (metadata.creator !== undefined) document.setCreator(metadata.creator);
  document.setCreationDate(metadata.creationDate);
  document.setModificationDate(metadata.creationDate);
  const bytes = await document.save({ updateFieldAppearances: false, objectsPerTick: Infinity });
  return { bytes, pageCount: document.getPageCount() };
}
