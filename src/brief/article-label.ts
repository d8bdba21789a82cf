import type { Article } from '../model/index.ts';

function host(url: string | null): string | null {
  if (url === null) return null;
  try {
    const name = new URL(url).hostname.replace(/^www\./, '');
    return name === '' ? null : name;
  } catch {
    return null;
  }
}

function basename(path: string): string {
  const clean = path.replace(/[#?].*$/, '').replace(/\/+$/, '');
  return clean.slice(clean.lastIndexOf('/') + 1) || path;
}

/**
 * The name a person knows an article by: its outlet, else the host of its
 * URL, else its headline, else the file name it was read from.
 *
 * @example
 * articleLabel({ outlet: null, url: 'https://www.courier.example/a', ... }) // 'courier.example'
 */
export function articleLabel(article: Article): string {
  const outlet = article.outlet?.trim();
  if (outlet) return outlet;
  const fromUrl = host(article.url);
  if (fromUrl !== null) return fromUrl;
  const headline = article.headline?.trim();
  if (headline) return headline;
  return basename(article.source);
}
