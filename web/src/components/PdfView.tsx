/**
 * The original PDF page, rendered by pdf.js (worker bundled by vite) on a canvas, with the selected
 * finding boxed on it. Boxes come from the printed text of the page (see pdf-boxes.ts): the readers
 * keep no bounding boxes in the model, so the cited line is found by its text and the evidence or
 * cell inside it; when only the line is found, the whole line is boxed and the viewer says so.
 */
import { useEffect, useRef, useState } from 'react';
import * as pdfjs from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { findBoxes, visualLines, type Box, type Precision, type TextRect } from '../pdf-boxes';
import type { DocIndex, Target } from '../locate';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

interface Placed { box: Box; role: Target['role'] }

export function PdfView({ url, page, onPage, targets, ix, onPrecision }: {
  url: string; page: number; onPage: (p: number) => void; targets: Target[]; ix: DocIndex; onPrecision?: (p: Precision | undefined) => void;
}) {
  const [doc, setDoc] = useState<PDFDocumentProxy>();
  const [error, setError] = useState('');
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [size, setSize] = useState<{ w: number; h: number }>();
  const [zoom, setZoom] = useState(1);
  const [rendering, setRendering] = useState(false);
  const [pageError, setPageError] = useState('');
  const [drawn, setDrawn] = useState<{ n: number; rects: TextRect[]; lines: ReturnType<typeof visualLines> }>();
  const scroller = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  // one render of the canvas at a time: the next waits until the previous one is cancelled
  const previous = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let cancelled = false;
    const task = pdfjs.getDocument({
      url, withCredentials: true, isEvalSupported: false,
      cMapUrl: '/pdfjs/cmaps/', cMapPacked: true, standardFontDataUrl: '/pdfjs/standard_fonts/', wasmUrl: '/pdfjs/wasm/', iccUrl: '/pdfjs/iccs/',
    });
    task.promise.then((d) => { if (!cancelled) setDoc(d); }).catch((e: Error) => { if (!cancelled) setError(`无法显示原文页面：${e.message}`); });
    return () => { cancelled = true; void task.destroy(); };
  }, [url]);

  const pages = doc?.numPages ?? 0;
  const n = Math.min(Math.max(1, page), Math.max(1, pages));
  const key = targets.map((t) => `${t.line}:${t.cell ?? ''}:${t.evidence ?? ''}:${t.role}`).join('|');

  useEffect(() => {
    if (!doc || !canvas.current || !scroller.current) return;
    let cancelled = false;
    let renderTask: ReturnType<pdfjs.PDFPageProxy['render']> | undefined;
    setRendering(true);
    const before = previous.current;
    const run = (async () => {
      await before;
      if (cancelled) return;
      const p = await doc.getPage(n);
      const base = p.getViewport({ scale: 1 });
      const fit = Math.max(0.4, Math.min(2.5, (scroller.current!.clientWidth - 24) / base.width));
      const viewport = p.getViewport({ scale: fit * zoom });
      const dpr = window.devicePixelRatio || 1;
      const c = canvas.current!;
      c.width = Math.floor(viewport.width * dpr);
      c.height = Math.floor(viewport.height * dpr);
      c.style.width = `${Math.floor(viewport.width)}px`;
      c.style.height = `${Math.floor(viewport.height)}px`;
      renderTask = p.render({ canvas: c, viewport, ...(dpr !== 1 && { transform: [dpr, 0, 0, dpr, 0, 0] }) });
      await renderTask.promise;
      if (cancelled) return;
      setPageError('');
      setSize({ w: viewport.width, h: viewport.height });
      const tc = await p.getTextContent();
      if (cancelled) return;
      const rects: TextRect[] = [];
      for (const it of tc.items) {
        if (!('str' in it)) continue;
        const tx = pdfjs.Util.transform(viewport.transform, it.transform) as number[];
        const h = Math.hypot(tx[2]!, tx[3]!);
        rects.push({ str: it.str, left: tx[4]!, top: tx[5]! - h, width: it.width * viewport.scale, height: h });
      }
      setDrawn({ n, rects, lines: visualLines(rects) });
    })();
    previous.current = run.catch(() => {});
    run.catch((e: Error) => { if (!cancelled && e.name !== 'RenderingCancelledException') setPageError(`无法显示第 ${n} 页：${e.message}`); })
      .finally(() => { if (!cancelled) setRendering(false); });
    return () => { cancelled = true; renderTask?.cancel(); };
  }, [doc, n, zoom]);

  // the boxes of the selection on the drawn page (the page is not drawn again for a new selection)
  useEffect(() => {
    if (!drawn || drawn.n !== n) return;
    const onPage = targets.filter((t) => t.page === n);
    if (!onPage.length) { setPlaced([]); onPrecision?.(undefined); return; }
    const pageLines = ix.pages.get(n) ?? [];
    const out: Placed[] = [];
    let precision: Precision = 'none';
    for (const t of onPage) {
      const i = pageLines.findIndex((l) => l.line === t.line);
      const lineText = ix.lines.get(t.line)?.text ?? '';
      const r = findBoxes(drawn.rects, { lineText, rel: pageLines.length > 1 && i >= 0 ? i / (pageLines.length - 1) : 0, ...(t.evidence && { evidence: t.evidence }), ...(t.cell !== undefined && { cell: t.cell }) }, drawn.lines);
      if (t.role === 'primary') precision = r.precision;
      for (const b of r.boxes) out.push({ box: b, role: t.role });
    }
    setPlaced(out);
    onPrecision?.(precision);
    // bring the box into view inside the viewer only (the page itself does not scroll)
    const first = out.find((o) => o.role === 'primary') ?? out[0];
    const sc = scroller.current;
    if (first && sc) sc.scrollTo({ top: Math.max(0, first.box.top - sc.clientHeight / 3), left: Math.max(0, first.box.left - sc.clientWidth / 3) });
    // targets are compared by `key`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [drawn, n, key]);

  if (error) return <p className="error-text" data-testid="pdf-error">{error}</p>;
  return (
    <div className="pdf-view">
      <div className="pdf-toolbar">
        <button onClick={() => onPage(n - 1)} disabled={n <= 1} aria-label="上一页">‹</button>
        <span data-testid="pdf-page">第 <input type="number" min={1} max={pages} value={n} onChange={(e) => onPage(Number(e.target.value) || 1)} /> 页 / 共 {pages || '…'} 页</span>
        <button onClick={() => onPage(n + 1)} disabled={n >= pages} aria-label="下一页">›</button>
        <button onClick={() => setZoom((z) => Math.max(0.5, z / 1.25))} aria-label="缩小">−</button>
        <button onClick={() => setZoom(1)}>适合宽度</button>
        <button onClick={() => setZoom((z) => Math.min(4, z * 1.25))} aria-label="放大">＋</button>
        {rendering && <span className="muted">正在绘制…</span>}
        {pageError && <span className="error-text" data-testid="pdf-error">{pageError}</span>}
        {drawn?.n === n && placed.length > 0 && <span className="muted pdf-legend"><i className="lg primary" />问题所在{placed.some((p) => p.role === 'related') && <><i className="lg related" />参与比较的数字或文字</>}</span>}
      </div>
      <div className="pdf-scroller" ref={scroller}>
        <div className="pdf-page" style={size ? { width: size.w, height: size.h } : undefined} data-testid="pdf-canvas" data-rendered={!rendering && size ? 'yes' : 'no'}>
          <canvas ref={canvas} />
          {drawn?.n === n && placed.map((p, i) => (
            <div key={i} className={`pdf-box ${p.role}`} data-testid={p.role === 'primary' ? 'pdf-box' : 'pdf-box-related'}
              style={{ left: p.box.left - 3, top: p.box.top - 3, width: p.box.width + 6, height: p.box.height + 6 }} />
          ))}
        </div>
      </div>
    </div>
  );
}
