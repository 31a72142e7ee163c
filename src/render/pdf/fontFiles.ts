/**
 * Which font files the PDF renderer embeds, in fallback order. Apart from fonts.ts, which parses
 * them, so a build that renders nothing (every output unchanged) can hash them without loading
 * a font parser.
 */
import { createRequire } from 'node:module';

export type FaceStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';

const require = createRequire(import.meta.url);

/**
 * The families, in fallback order. `files` maps a style to a TrueType or OpenType file (pdfkit
 * embeds the glyphs used); `key` prefixes the face names registered in each PDF.
 */
export const FAMILIES: { name: string; key: string; files: Record<FaceStyle, () => string> }[] = [
  {
    name: 'Atkinson Hyperlegible Next',
    key: 'AHN',
    files: expoGoogleFont('atkinson-hyperlegible-next', 'AtkinsonHyperlegibleNext'),
  },
  {
    name: 'Noto Sans',
    key: 'NotoSans',
    files: expoGoogleFont('noto-sans', 'NotoSans'),
  },
  {
    // Arrows, mathematical and technical symbols (the footnote back-reference ↩, ≥, ∑, ★ …): one
    // style only, which every style draws with.
    name: 'Noto Sans Math',
    key: 'NotoSansMath',
    files: oneStyle(() => require.resolve('@expo-google-fonts/noto-sans-math/400Regular/NotoSansMath_400Regular.ttf')),
  },
];

function oneStyle(file: () => string): Record<FaceStyle, () => string> {
  return { regular: file, bold: file, italic: file, boldItalic: file };
}

/** The files of a font installed from npm as @expo-google-fonts/<pkg> (TrueType, one per style). */
function expoGoogleFont(pkg: string, prefix: string): Record<FaceStyle, () => string> {
  const file = (dir: string) => () => require.resolve(`@expo-google-fonts/${pkg}/${dir}/${prefix}_${dir}.ttf`);
  return { regular: file('400Regular'), bold: file('700Bold'), italic: file('400Regular_Italic'), boldItalic: file('700Bold_Italic') };
}

/** The font files the renderer embeds (part of what every output depends on). */
export function fontFiles(): string[] {
  return [...new Set(FAMILIES.flatMap(({ files }) => Object.values(files).map((file) => file())))];
}

