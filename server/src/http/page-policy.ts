import { createHash } from 'node:crypto';

/** The inline `<script>` and `<style>` blocks of a page, by the text a browser hashes. */
export interface InlineBlocks {
  scripts: string[];
  styles: string[];
}

const COMMENT = /<!--[\s\S]*?-->/g;
const BLOCK = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;

/** Inline blocks only: a script with `src` is covered by 'self'. Comments hold none (an example snippet). */
export function inlineBlocks(html: string): InlineBlocks {
  // The HTML parser turns CR LF and lone CR into LF before a browser hashes a block's text.
  const text = html.replace(/\r\n?/g, '\n').replace(COMMENT, '');
  const blocks: InlineBlocks = { scripts: [], styles: [] };
  for (const [, tag, attributes, content] of text.matchAll(BLOCK)) {
    if (tag!.toLowerCase() === 'style') blocks.styles.push(content!);
    else if (!/\ssrc\s*=/i.test(` ${attributes}`)) blocks.scripts.push(content!);
  }
  return blocks;
}

export const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The Content-Security-Policy of a page this server serves: its own scripts and styles, each of
 * its inline blocks by hash (never 'unsafe-inline'), nothing from elsewhere but what the calls need.
 * The widgets keep bearer tokens in localStorage: a script injected into the page would read them.
 * `connect` adds the origins the page talks to besides this one (an OpenVidu server).
 */
export function pagePolicy(html: string, connect: readonly string[] = []): string {
  const { scripts, styles } = inlineBlocks(html);
  const list = (...sources: string[]) => sources.join(' ');
  return [
    "default-src 'self'",
    `script-src ${list("'self'", ...new Set(scripts.map(sha256Source)))}`,
    // Lit's styles are adopted sheets, which style-src does not govern; the pages' own blocks by hash.
    `style-src ${list("'self'", ...new Set(styles.map(sha256Source)))}`,
    // Documents the widgets show are blob: URLs (pictures, PDF in a frame); video is a camera stream.
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "frame-src 'self' blob:",
    `connect-src ${list("'self'", ...connect)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

/** An OpenVidu server's origin as a page connects to it: its REST origin and its WebSocket twin. */
export function connectSourcesOf(url: string | undefined): string[] {
  if (!url) return [];
  const origin = new URL(url);
  const socket = new URL(origin.origin);
  socket.protocol = origin.protocol === 'https:' ? 'wss:' : 'ws:';
  return [origin.origin, socket.origin];
}
