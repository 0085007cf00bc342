/**
 * Fumi's mark: 文 ("fumi", a letter) drawn as four strokes (dot, horizontal, the two sweeping strokes), on the
 * page's accent colour. One source for every icon: public/favicon.svg (light and dark through
 * prefers-color-scheme, so the browser tab and the header follow the colour scheme), and the PNGs the manifest and
 * iOS need (render-icons.ts). Pure strings: Node and the browser read them alike.
 */

const strokes = [
  'M31 10.5l3 6', // 丶 the dot
  'M14 23h36', // 一 the horizontal
  'M43 23c-3 15-12 25-28 31', // ノ sweeping down to the left
  'M21 23c3 15 12 25 28 31', // ㇏ sweeping down to the right
];

export const palette = {
  light: { tile: '#0b57d0', glyph: '#ffffff' },
  dark: { tile: '#a8c7fa', glyph: '#0a1d3f' },
} as const;

function glyph(attributes: string): string {
  return `<g fill="none" stroke-width="5.5" stroke-linecap="round" stroke-linejoin="round"${attributes}>${strokes
    .map((d) => `<path d="${d}"/>`)
    .join('')}</g>`;
}

/** The favicon: a rounded tile that switches colours with the colour scheme. */
export function faviconSvg(): string {
  const { light, dark } = palette;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">',
    '<title>Fumi</title>',
    `<style>.t{fill:${light.tile}}.g{stroke:${light.glyph}}@media (prefers-color-scheme:dark){.t{fill:${dark.tile}}.g{stroke:${dark.glyph}}}</style>`,
    '<rect class="t" width="64" height="64" rx="14"/>',
    glyph(' class="g"'),
    '</svg>',
    '',
  ].join('\n');
}

/**
 * A fixed-colour icon for rasterising. `maskable`: full-bleed tile with the glyph inside the centre 60 % (the
 * platform cuts the shape; W3C manifest "safe zone" is a circle of 40 % radius).
 */
export function iconSvg(scheme: keyof typeof palette, maskable: boolean): string {
  const { tile, glyph: ink } = palette[scheme];
  const inner = maskable
    ? `<g transform="translate(12.8 12.8) scale(0.6)">${glyph(` stroke="${ink}"`)}</g>`
    : glyph(` stroke="${ink}"`);
  const background = maskable
    ? `<rect width="64" height="64" fill="${tile}"/>`
    : `<rect width="64" height="64" rx="14" fill="${tile}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">${background}${inner}</svg>`;
}

/** Every PNG the app ships, under public/icons/. */
export const pngIcons = [
  { file: 'icon-192.png', size: 192, scheme: 'light', maskable: false },
  { file: 'icon-512.png', size: 512, scheme: 'light', maskable: false },
  { file: 'maskable-512.png', size: 512, scheme: 'light', maskable: true },
  { file: 'icon-dark-192.png', size: 192, scheme: 'dark', maskable: false },
  { file: 'icon-dark-512.png', size: 512, scheme: 'dark', maskable: false },
  // iOS ignores the manifest's icons for the Home Screen; it reads <link rel="apple-touch-icon"> (180 × 180).
  { file: 'apple-touch-icon.png', size: 180, scheme: 'light', maskable: true },
] as const;
