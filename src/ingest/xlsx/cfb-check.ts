/**
 * Structural check of an OLE compound file (the container of a legacy .xls) before SheetJS reads
 * it. SheetJS trusts the container: a directory whose sibling links form a cycle, or a sector id
 * far past the end of the file, made it grow arrays until the process used gigabytes (outside the
 * heap cap of its worker). Everything here is bounded by the file's size: sector ids must lie in
 * the file, chains must end without revisiting a sector, the directory tree must be a tree, and a
 * stream may not claim more bytes than the file (or the mini stream) holds.
 */
import { InputError } from '../raw.js';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAXREG = 0xfffffffa; // ids at or above are special (DIFAT/FAT/end of chain/free)
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const NOSTREAM = 0xffffffff;

function damaged(detail: string): InputError {
  return new InputError(`the .xls file is damaged: ${detail}`, 'open it in Excel or WPS and save it again as .xlsx');
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);
}

/**
 * Throws an InputError naming the first inconsistency; files without the OLE signature are left
 * alone. `kind`: what the container holds (the message names it: a legacy Word .doc goes to
 * LibreOffice after this check, an .xls to SheetJS).
 */
export function checkCompoundFile(bytes: Uint8Array, kind: 'xls' | 'doc' = 'xls'): void {
  try {
    checkContainer(bytes);
  } catch (err) {
    if (kind === 'doc' && err instanceof InputError) {
      throw new InputError(err.message.replace('the .xls file', 'the Word .doc file'), 'open it in Word or WPS and save it again as .docx');
    }
    throw err;
  }
}

function checkContainer(bytes: Uint8Array): void {
  if (!isCompoundFile(bytes)) return;
  if (bytes.length < 512) throw damaged(`the compound-file header is cut short (${bytes.length} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const major = u16(0x1a);
  const shift = u16(0x1e);
  if (!((major === 3 && shift === 9) || (major === 4 && shift === 12))) throw damaged(`unsupported sector size 2^${shift} (version ${major})`);
  if (u16(0x20) !== 6) throw damaged(`unsupported mini sector size 2^${u16(0x20)}`);
  const size = 1 << shift;
  const nSectors = Math.max(0, Math.ceil(bytes.length / size) - 1);
  const perSector = size / 4;
  const numFat = u32(0x2c);
  const firstDir = u32(0x30);
  const cutoff = u32(0x38);
  const firstMiniFat = u32(0x3c);
  const numMiniFat = u32(0x40);
  const firstDifat = u32(0x44);
  const numDifat = u32(0x48);
  for (const [what, n] of [['FAT', numFat], ['mini FAT', numMiniFat], ['DIFAT', numDifat]] as const) {
    if (n > nSectors) throw damaged(`the header claims ${n} ${what} sectors, the file holds ${nSectors}`);
  }
  const inFile = (id: number): boolean => id < nSectors;
  const sectorOffset = (id: number): number => (id + 1) * size;
  /** Entries of a sector that may be cut short at the end of the file (missing bytes read as free). */
  const entry = (id: number, i: number): number => {
    const o = sectorOffset(id) + i * 4;
    return o + 4 <= bytes.length ? u32(o) : FREESECT;
  };

  // FAT sector ids: 109 in the header, then the DIFAT chain.
  const fatSectors: number[] = [];
  const addFat = (id: number): void => {
    if (fatSectors.length >= numFat || id === FREESECT || id === ENDOFCHAIN) return;
    if (!inFile(id)) throw damaged(`a FAT sector id (${id}) lies past the end of the file`);
    fatSectors.push(id);
  };
  for (let i = 0; i < 109; i++) addFat(u32(0x4c + i * 4));
  const seenDifat = new Set<number>();
  for (let id = firstDifat, n = 0; id !== ENDOFCHAIN && id !== FREESECT && fatSectors.length < numFat; n++) {
    if (!inFile(id) || seenDifat.has(id) || n >= numDifat) throw damaged('the DIFAT chain leaves the file or loops');
    seenDifat.add(id);
    for (let i = 0; i < perSector - 1; i++) addFat(entry(id, i));
    id = entry(id, perSector - 1);
  }
  const fatAt = (id: number): number => {
    const s = Math.floor(id / perSector);
    return s < fatSectors.length ? entry(fatSectors[s]!, id % perSector) : FREESECT;
  };
  /** A chain of regular sectors; `what` names it in the error. */
  const chain = (start: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id !== ENDOFCHAIN && id !== FREESECT; id = fatAt(id)) {
      if (id >= MAXREG || !inFile(id)) throw damaged(`the ${what} points to sector ${id}, past the end of the file (${nSectors} sectors)`);
      if (seen.has(id)) throw damaged(`the ${what} loops back to sector ${id}`);
      seen.add(id);
      out.push(id);
    }
    return out;
  };

  if (!inFile(firstDir)) throw damaged(`the directory starts at sector ${firstDir}, past the end of the file`);
  const dirSectors = chain(firstDir, 'directory chain');
  const entries = (dirSectors.length * size) / 128;
  const dirOffset = (i: number): number => sectorOffset(dirSectors[Math.floor((i * 128) / size)]!) + ((i * 128) % size);
  const entryField = (i: number, o: number): number => {
    const at = dirOffset(i) + o;
    return at + 4 <= bytes.length ? u32(at) : 0;
  };
  const typeOf = (i: number): number => {
    const at = dirOffset(i) + 66;
    return at < bytes.length ? bytes[at]! : 0;
  };
  if (typeOf(0) !== 5) throw damaged('the first directory entry is not the root');

  // The directory is a tree of red-black sibling lists: each entry is reached once from the root.
  const reached = new Set<number>([0]);
  const stack = [entryField(0, 76)];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === NOSTREAM) continue;
    if (id >= entries) throw damaged(`a directory link (${id}) points past the ${entries} entries`);
    if (reached.has(id)) throw damaged(`the directory links loop (entry ${id} is reached twice)`);
    const type = typeOf(id);
    reached.add(id);
    if (type !== 1 && type !== 2) continue; // an unused entry ends the branch
    stack.push(entryField(id, 68), entryField(id, 72));
    if (type === 1) stack.push(entryField(id, 76));
  }

  const streamSize = (i: number): number => {
    const high = entryField(i, 124);
    if (major === 4 && high !== 0) throw damaged(`a stream claims more than 4 GB`);
    return entryField(i, 120);
  };
  const rootSize = streamSize(0);
  if (rootSize > bytes.length) throw damaged(`the mini stream claims ${rootSize} bytes, the file has ${bytes.length}`);
  const miniStreamSectors = rootSize > 0 ? chain(entryField(0, 116), 'mini stream chain').length : 0;
  const miniCount = Math.floor((miniStreamSectors * size) / 64);
  const miniFatSectors = numMiniFat > 0 && firstMiniFat !== ENDOFCHAIN ? chain(firstMiniFat, 'mini FAT chain') : [];
  const miniFatAt = (id: number): number => {
    const s = Math.floor(id / perSector);
    return s < miniFatSectors.length ? entry(miniFatSectors[s]!, id % perSector) : FREESECT;
  };

  for (const id of reached) {
    if (id === 0 || typeOf(id) !== 2) continue;
    const bytesClaimed = streamSize(id);
    if (bytesClaimed === 0) continue;
    const start = entryField(id, 116);
    if (bytesClaimed >= cutoff) {
      if (bytesClaimed > bytes.length) throw damaged(`stream ${id} claims ${bytesClaimed} bytes, the file has ${bytes.length}`);
      chain(start, `chain of stream ${id}`);
    } else {
      if (bytesClaimed > rootSize) throw damaged(`stream ${id} claims ${bytesClaimed} bytes, the mini stream has ${rootSize}`);
      const seen = new Set<number>();
      for (let s = start; s !== ENDOFCHAIN && s !== FREESECT; s = miniFatAt(s)) {
        if (s >= miniCount) throw damaged(`stream ${id} starts or continues at mini sector ${s}, past the ${miniCount} of the mini stream`);
        if (seen.has(s)) throw damaged(`the chain of stream ${id} loops back to mini sector ${s}`);
        seen.add(s);
      }
    }
  }
}
