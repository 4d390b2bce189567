/**
 * Links to the review report (审核意见) of a document or a batch, served by the report routes
 * (src/server/routes-report.ts): XLSX to download, HTML to open and print (or save as PDF).
 */
export function reportLinksFor(what: { document?: number; documents?: number[] }): { href: string; label: string }[] {
  const base = what.document !== undefined ? `/api/documents/${what.document}/report` : what.documents?.length ? '/api/documents/report' : undefined;
  if (!base) return [];
  const q = what.document === undefined ? `?ids=${what.documents!.join(',')}` : '';
  return [
    { href: `${base}.xlsx${q}`, label: '审核意见（Excel）' },
    { href: `${base}.html${q}`, label: '审核意见（网页/打印）' },
  ];
}
