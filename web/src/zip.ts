/**
 * The files of a .zip, read in the browser (stored and deflated entries, via DecompressionStream):
 * a reviewer uploads a department's archive as a batch. Names in GBK (zips made on Chinese Windows
 * without the UTF-8 flag) are decoded as GBK. Folders, macOS metadata and hidden files are skipped.
 */
export interface ZipEntry { name: string; bytes: Uint8Array }

const MAX_ENTRIES = 2000;
const MAX_TOTAL = 512 * 1024 * 1024;

async function inflateRaw(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

function decodeName(raw: Uint8Array, utf8: boolean): string {
  if (utf8) return new TextDecoder('utf-8').decode(raw);
  try { return new TextDecoder('utf-8', { fatal: true }).decode(raw); } catch { /* not UTF-8 */ }
  try { return new TextDecoder('gbk').decode(raw); } catch { return new TextDecoder('latin1').decode(raw); }
}

export function isZip(name: string, head: Uint8Array): boolean {
  return /\.zip$/i.test(name) && head[0] === 0x50 && head[1] === 0x4b;
}

export async function unzip(buf: ArrayBuffer): Promise<ZipEntry[]> {
  const bytes = new Uint8Array(buf);
  const view = new DataView(buf);
  // end of central directory: the last 'PK\5\6' within the final 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('不是有效的 ZIP 压缩包（找不到目录）');
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (count > MAX_ENTRIES) throw new Error(`压缩包中文件过多（${count} 个，最多 ${MAX_ENTRIES} 个）`);
  const out: ZipEntry[] = [];
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new Error('ZIP 压缩包已损坏（目录有误）');
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressed = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLen), (flags & 0x800) !== 0);
    p += 46 + nameLen + extraLen + commentLen;
    const base = name.split('/').pop() ?? '';
    if (name.endsWith('/') || name.startsWith('__MACOSX/') || !base || base.startsWith('.') || base.startsWith('~$')) continue;
    if (flags & 1) throw new Error(`压缩包中的 ${name} 已加密，请解压后上传`);
    total += size;
    if (total > MAX_TOTAL) throw new Error('压缩包解压后过大');
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new Error(`ZIP 压缩包已损坏（${name}）`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + compressed);
    if (method === 0) out.push({ name: base, bytes: data.slice() });
    else if (method === 8) out.push({ name: base, bytes: await inflateRaw(data) });
    else throw new Error(`压缩包中的 ${name} 使用了不支持的压缩方式（${method}）`);
  }
  return out;
}
