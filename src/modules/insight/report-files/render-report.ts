import type { ReportDocument } from '../report-document.ts';
import { renderCsv } from './render-csv.ts';
import { renderPdf } from './render-pdf.ts';
import { renderXlsx } from './render-xlsx.ts';
import { type Language, type ReportFormat, reportFileName, type SectionProgress } from './report-layout.ts';

const RENDERERS: Record<
  ReportFormat,
  (doc: ReportDocument, language: Language, onSection?: SectionProgress) => Promise<Buffer>
> = { csv: renderCsv, xlsx: renderXlsx, pdf: renderPdf };

/** Renders a report document in the requested format, reporting progress per section. */
export async function renderReport(
  doc: ReportDocument,
  language: Language,
  format: ReportFormat,
  onSection?: SectionProgress,
): Promise<{ bytes: Buffer; fileName: string }> {
  const bytes = await RENDERERS[format](doc, language, onSection);
  return { bytes, fileName: reportFileName(doc, language, format) };
}
