/**
 * A page number printed as running furniture: - 3 -, — 3 —, 第3页, 第 3 页 共 12 页, 3/12, Page 3 of 12,
 * or a bare number. The PDF reader drops such lines near a page's edge; the text reader the first and
 * last line of each page of a text with form feeds (`pdftotext` output).
 */
export const PAGE_NUMBER_RE = /^(第\s*\d+\s*页(\s*[，,]?\s*共\s*\d+\s*页)?|[-—–－]\s*\d+\s*[-—–－]|\d+\s*\/\s*\d+|page\s*\d+(\s*of\s*\d+)?|\d{1,4})$/i;
