/**
 * HarfBuzz, the shaper of browsers and Typst, from the WebAssembly build harfbuzzjs ships: shaping
 * a word costs about a fifth of fontkit's `layout()` (cold, a process's first thousand words) and
 * gives the same glyphs and positions (tests/property/shaping.test.ts compares them).
 *
 * Instantiated here, synchronously, rather than through harfbuzzjs's own module: that module is
 * ES-only with a top-level await, which the bundled command (CommonJS) could reach only through
 * import(), and Node 20 loses import() callbacks in a script read from V8's code cache (see
 * embedFonts.ts). The binary needs five trivial imports; the C API below is HarfBuzz's own
 * (hb_buffer_add_utf16, hb_shape …), called as harfbuzzjs calls it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface HarfBuzzExports {
  memory: WebAssembly.Memory;
  __wasm_call_ctors(): void;
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_font_create(face: number): number;
  hb_font_get_glyph_h_advance(font: number, glyph: number): number;
  hb_buffer_create(): number;
  hb_buffer_reset(buffer: number): void;
  hb_buffer_add_utf16(buffer: number, text: number, textLength: number, itemOffset: number, itemLength: number): void;
  hb_buffer_guess_segment_properties(buffer: number): void;
  hb_buffer_get_length(buffer: number): number;
  hb_buffer_get_glyph_infos(buffer: number, length: number): number;
  hb_buffer_get_glyph_positions(buffer: number, length: number): number;
  hb_shape(font: number, buffer: number, features: number, featureCount: number): void;
}

/** HB_MEMORY_MODE_WRITABLE: HarfBuzz uses the bytes where they are, without a copy. */
const MEMORY_MODE_WRITABLE = 2;
/** hb_glyph_info_t and hb_glyph_position_t are five 32-bit fields each. */
const RECORD_WORDS = 5;

let hb: HarfBuzzExports | undefined;

function harfbuzz(): HarfBuzzExports {
  if (hb) return hb;
  const file = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz.wasm');
  let memory: WebAssembly.Memory | undefined;
  const fail = (what: string) => () => {
    throw new Error(`HarfBuzz stopped (${what})`);
  };
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(file)), {
    env: {
      _emscripten_runtime_keepalive_clear: () => undefined,
      _abort_js: fail('abort'),
      _setitimer_js: () => 0,
      // malloc asks for more memory: grow by at least half again, as Emscripten's own runtime does.
      emscripten_resize_heap: (requested: number) => {
        const have = memory!.buffer.byteLength;
        const want = Math.max(requested >>> 0, Math.floor(have * 1.5));
        try {
          memory!.grow(Math.ceil((want - have) / 65536));
          return 1;
        } catch {
          return 0;
        }
      },
    },
    wasi_snapshot_preview1: { proc_exit: fail('exit') },
  });
  const exports = instance.exports as unknown as HarfBuzzExports;
  memory = exports.memory;
  exports.__wasm_call_ctors();
  hb = exports;
  return hb;
}

/** `size` bytes of HarfBuzz's memory; a failed allocation is an error here, not a write to address 0 later. */
function allocate(api: HarfBuzzExports, size: number): number {
  const at = api.malloc(size);
  if (!at) throw new Error(`HarfBuzz could not allocate ${size} bytes (out of memory)`);
  return at;
}

export interface HarfBuzzGlyph {
  id: number;
  /** UTF-16 index in the text of the first character the glyph belongs to. */
  cluster: number;
  /** The glyph's own advance, and the pen's advance after it and its offset (they carry kerning and mark placement), in font units. */
  advanceWidth: number;
  xAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A font file made ready for HarfBuzz, kept for the life of the process. */
export class HarfBuzzFont {
  private readonly font: number;
  private readonly buffer: number;
  private text = 0;
  private textCapacity = 0;

  constructor(bytes: Uint8Array) {
    const api = harfbuzz();
    const data = allocate(api, bytes.length);
    new Uint8Array(api.memory.buffer, data, bytes.length).set(bytes);
    const blob = api.hb_blob_create(data, bytes.length, MEMORY_MODE_WRITABLE, 0, 0);
    this.font = api.hb_font_create(api.hb_face_create(blob, 0)); // its scale is the font's units per em
    this.buffer = api.hb_buffer_create();
  }

  /** The glyphs of `text` in visual order, with the script and direction HarfBuzz reads from it and the font's default features (kerning, ligatures, marks). */
  shape(text: string): HarfBuzzGlyph[] {
    const api = harfbuzz();
    if (text.length > this.textCapacity) {
      if (this.text) api.free(this.text);
      this.textCapacity = Math.max(64, text.length * 2);
      this.text = allocate(api, this.textCapacity * 2);
    }
    // Views are made after each call that may allocate: memory that grows replaces its buffer.
    const units = new Uint16Array(api.memory.buffer, this.text, text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    api.hb_buffer_reset(this.buffer);
    api.hb_buffer_add_utf16(this.buffer, this.text, text.length, 0, text.length);
    api.hb_buffer_guess_segment_properties(this.buffer);
    api.hb_shape(this.font, this.buffer, 0, 0);
    const count = api.hb_buffer_get_length(this.buffer);
    // A buffer that could not grow is left empty by HarfBuzz: say so rather than drop the words.
    if (count === 0 && text.length > 0) throw new Error(`HarfBuzz could not shape a word of ${text.length} characters (out of memory)`);
    const infos = new Uint32Array(api.memory.buffer, api.hb_buffer_get_glyph_infos(this.buffer, 0), count * RECORD_WORDS);
    const positions = new Int32Array(api.memory.buffer, api.hb_buffer_get_glyph_positions(this.buffer, 0), count * RECORD_WORDS);
    const glyphs: HarfBuzzGlyph[] = [];
    for (let i = 0; i < count; i++) {
      const at = i * RECORD_WORDS;
      glyphs.push({ id: infos[at], cluster: infos[at + 2], advanceWidth: 0, xAdvance: positions[at], xOffset: positions[at + 2], yOffset: positions[at + 3] });
    }
    for (const g of glyphs) g.advanceWidth = api.hb_font_get_glyph_h_advance(this.font, g.id);
    return glyphs;
  }
}
