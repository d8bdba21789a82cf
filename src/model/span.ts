/** Half-open character range `[start, end)` into an article's clean `text`. */
export interface Span {
  start: number;
  end: number;
}
