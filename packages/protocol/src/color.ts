/**
 * Colour contrast helpers (WCAG), zod-free so that browser code may import them as values
 * (`@parla/protocol/color`); `@parla/protocol` re-exports them.
 */

/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const c = [1, 3, 5].map((i) => {
    const v = parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
}

/** The WCAG contrast ratio of two #rrggbb colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/**
 * White or black text on `bg`, whichever contrasts more: one of them always reaches 4.58:1 (a dark
 * grey would not: #777777 has 4.48:1 with white and 3.9:1 with #111827).
 */
export const inkOn = (bg: string): '#ffffff' | '#000000' => (contrast(bg, '#ffffff') >= contrast(bg, '#000000') ? '#ffffff' : '#000000');
