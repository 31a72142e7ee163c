/**
 * What an image file really holds, read from its bytes before it is embedded: a file cut short in
 * a download, or random bytes named .png, must be a message naming the image, not a PDF library's
 * "Incomplete or corrupt PNG file" as an internal error, nor garbage embedded in the web page.
 * PNG is checked through its compressed pixels (pdfkit decodes them for images with transparency);
 * JPEG up to its frame header (what pdfkit reads); GIF and WebP by their signatures.
 */
import { inflateSync } from 'node:zlib';

export type RasterType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp';

/** The image's type by its content, or why it is not an image handout can embed. */
export type ImageBytes = { ok: true; type: RasterType } | { ok: false; problem: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/**
 * The most a PNG's pixels may take decompressed: each is checked in full, and pdfkit decodes them
 * whole for images with transparency. A printed page needs far less (a Letter page at 300 dpi is
 * 8.4 megapixels, 34 MB with transparency). A header claiming 100 000 × 100 000 pixels was
 * embedded unchecked, and with transparency crashed the whole build in pdfkit.
 */
const MAX_PIXEL_BYTES = 128 * 1024 * 1024;

/** The type the bytes say, whatever the file's name says (a browser goes by the content too). */
export function readImageBytes(bytes: Buffer): ImageBytes {
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return checkPng(bytes);
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return checkJpeg(bytes);
  if (/^GIF8[79]a/.test(bytes.subarray(0, 6).toString('latin1'))) return { ok: true, type: 'image/gif' };
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return { ok: true, type: 'image/webp' };
  return { ok: false, problem: bytes.length === 0 ? 'is an empty file' : 'is not an image (its first bytes are not those of a PNG, JPEG, GIF or WebP file)' };
}

const CUT = 'is cut short (incomplete or corrupt)';

function checkPng(bytes: Buffer): ImageBytes {
  const fail = (problem: string): ImageBytes => ({ ok: false, problem: `is a PNG file that ${problem}` });
  let offset = 8;
  let header: { width: number; height: number; bitDepth: number; colorType: number; interlace: number } | undefined;
  const data: Buffer[] = [];
  for (;;) {
    if (offset + 8 > bytes.length) return fail(CUT);
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('latin1');
    const body = offset + 8;
    if (body + length + 4 > bytes.length) return fail(CUT);
    if (!header && type !== 'IHDR') return fail('has no header (IHDR) first');
    if (type === 'IHDR') {
      if (length !== 13) return fail('has a damaged header (IHDR)');
      header = {
        width: bytes.readUInt32BE(body),
        height: bytes.readUInt32BE(body + 4),
        bitDepth: bytes[body + 8],
        colorType: bytes[body + 9],
        interlace: bytes[body + 12],
      };
      if (header.width === 0 || header.height === 0) return fail('has no pixels (its header says 0 wide or high)');
    } else if (type === 'IDAT') data.push(bytes.subarray(body, body + length));
    else if (type === 'IEND') break;
    offset = body + length + 4;
  }
  if (!header || data.length === 0) return fail('holds no image data (no IDAT chunk)');
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[header.colorType];
  if (channels === undefined || ![1, 2, 4, 8, 16].includes(header.bitDepth)) return fail(`has an unknown pixel format (colour type ${header.colorType}, bit depth ${header.bitDepth})`);
  // Each row is a filter byte and its pixels; interlaced images have more, shorter rows.
  const rows = header.height * (1 + Math.ceil((header.width * channels * header.bitDepth) / 8));
  if (rows > MAX_PIXEL_BYTES) {
    return { ok: false, problem: `is ${header.width} × ${header.height} pixels, more than handout embeds (its pixels take ${megabytes(rows)} MB; at most ${megabytes(MAX_PIXEL_BYTES)} MB: scale it down, a printed page needs about 2500 × 3300)` };
  }
  let pixels: Buffer;
  try {
    // Interlaced images have a few more rows (a filter byte each), never twice the bytes.
    pixels = inflateSync(Buffer.concat(data), { maxOutputLength: 2 * rows + 1024 });
  } catch {
    return fail('has damaged or missing image data');
  }
  if (header.interlace === 0 && pixels.length < rows) return fail(`${CUT}: it holds fewer rows than its header says`);
  return { ok: true, type: 'image/png' };
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 0 });
}

/** Markers up to the frame header (SOFn), which pdfkit reads for the size and colours; the bytes after it are the picture. */
function checkJpeg(bytes: Buffer): ImageBytes {
  let offset = 2;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { ok: false, problem: 'is a JPEG file that is damaged (a marker is missing)' };
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    const length = bytes.readUInt16BE(offset + 2);
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return offset + 2 + length <= bytes.length ? { ok: true, type: 'image/jpeg' } : { ok: false, problem: `is a JPEG file that ${CUT}` };
    offset += 2 + length;
  }
  return { ok: false, problem: `is a JPEG file that ${CUT}` };
}
