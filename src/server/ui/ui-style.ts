/**
 * The web UI's stylesheet, served as `/assets/ui.css` (the page's
 * Content-Security-Policy allows styles from the server only, no inline
 * style). Colours and type follow the HTML report's, so the story view (the
 * report itself, in a frame) and the pages around it read as one. No web
 * fonts, no images: nothing loads from outside.
 */
export const UI_CSS = `:root {
  color-scheme: light;
  --paper: #fbfaf7; --card: #ffffff; --ink: #1b1b1f; --muted: #575e6b; --rule: #e2ded4;
  --accent: #1f4e79; --accent-soft: #e6eef7; --warn: #9a4a07; --warn-soft: #fdf1dc;
  --bad: #b42318; --bad-soft: #fde8e6; --good: #17663a; --good-soft: #dff3e6; --focus: #e08a00;
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html, body { height: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.5 var(--sans); display: flex; flex-direction: column; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; z-index: 20; }
.skip:focus { left: .5rem; }
.wrap { max-width: 78rem; margin: 0 auto; padding: 0 1.25rem; width: 100%; }
header.top { border-bottom: 1px solid var(--rule); background: var(--card); flex: none; }
header.top .wrap { display: flex; align-items: center; gap: 1rem; padding-top: .6rem; padding-bottom: .6rem; flex-wrap: wrap; }
.brand { font-weight: 700; letter-spacing: .02em; color: var(--accent); text-decoration: none; font-size: 1.1rem; }
.top .note { color: var(--muted); font-size: .85rem; }
.top form.search { margin-left: auto; display: flex; gap: .4rem; }
main { flex: 1 0 auto; display: flex; flex-direction: column; }
main > .wrap { padding-top: 1.2rem; padding-bottom: 2rem; }
h1 { font-family: var(--serif); font-size: clamp(1.5rem, 1.1rem + 1.6vw, 2.1rem); margin: .2rem 0 .8rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); display: flex; gap: .6rem; align-items: baseline; }
.count { font-size: .85rem; color: var(--muted); font-weight: 500; }
.layout { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 2rem; align-items: start; }
.layout > * { min-width: 0; }
@media (max-width: 60rem) { .layout { grid-template-columns: minmax(0, 1fr); } }
label { font-size: .8rem; color: var(--muted); display: flex; flex-direction: column; gap: .2rem; }
input, select, textarea, button { font: inherit; font-size: .92rem; }
input, select, textarea { border: 1px solid #c9c4b8; border-radius: 6px; padding: .35rem .5rem; background: var(--card); color: var(--ink); }
textarea { width: 100%; min-height: 5.5rem; resize: vertical; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
button { border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: 6px; padding: .38rem .9rem; cursor: pointer; }
button.quiet { background: var(--card); color: var(--accent); }
button:disabled { opacity: .55; cursor: default; }
form.filters input[type="text"] { width: 11rem; }
form.filters .actions { display: flex; gap: .4rem; }
form.filters { display: flex; flex-wrap: wrap; gap: .7rem; align-items: flex-end; background: var(--card); border: 1px solid var(--rule); border-radius: 10px; padding: .8rem 1rem; }
ol.stories { list-style: none; margin: 1rem 0 0; padding: 0; }
ol.stories > li { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; padding: .85rem 1rem; margin: 0 0 .7rem; }
ol.stories > li:hover { border-color: var(--accent); }
.story-link { font-family: var(--serif); font-size: 1.18rem; font-weight: 650; text-decoration: none; color: var(--ink); }
.story-link:hover { color: var(--accent); text-decoration: underline; }
.meta { color: var(--muted); font-size: .88rem; margin: .25rem 0 0; }
.chips { display: flex; flex-wrap: wrap; gap: .3rem; margin: .45rem 0 0; padding: 0; list-style: none; }
.chips li { font-size: .78rem; padding: .08rem .55rem; border-radius: 999px; background: var(--accent-soft); color: var(--accent); }
.badge { display: inline-block; font-size: .7rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; padding: .1rem .45rem; border-radius: 4px; background: #eef0f3; color: #374151; white-space: nowrap; }
.badge.failed { background: var(--bad-soft); color: var(--bad); }
.badge.completed { background: var(--good-soft); color: var(--good); }
.badge.active, .badge.created, .badge.retry { background: var(--warn-soft); color: var(--warn); }
.empty { color: var(--muted); font-style: italic; }
.error { background: var(--bad-soft); color: var(--bad); border-radius: 8px; padding: .6rem .9rem; }
.panel { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; padding: .9rem 1rem; margin: 0 0 1rem; }
.panel h2 { margin-top: 0; font-size: 1rem; }
.drop { border: 2px dashed #b9b3a5; border-radius: 10px; padding: 1.1rem .8rem; text-align: center; color: var(--muted); background: var(--paper); }
.drop.over { border-color: var(--accent); background: var(--accent-soft); color: var(--accent); }
.drop p { margin: 0 0 .5rem; }
.panel form { display: flex; flex-direction: column; gap: .5rem; margin-top: .8rem; }
ul.jobs { list-style: none; margin: .6rem 0 0; padding: 0; font-size: .86rem; }
ul.jobs li { display: grid; grid-template-columns: auto 1fr; gap: .15rem .5rem; padding: .4rem 0; border-top: 1px solid var(--rule); align-items: start; }
ul.jobs li.empty { display: block; }
ul.jobs .what { overflow-wrap: anywhere; }
ul.jobs .why { grid-column: 2; color: var(--bad); font-size: .8rem; overflow-wrap: anywhere; }
ul.jobs .why.fact { color: var(--muted); }
.panel h3.sub { font-size: .75rem; text-transform: uppercase; letter-spacing: .07em; color: var(--muted); margin: 1rem 0 0; }
.storybar .note { color: var(--warn); font-size: .85rem; }
.status { min-height: 1.4rem; font-size: .86rem; color: var(--muted); margin: .4rem 0 0; }
.more { margin: .4rem 0 0; }
ol.results { margin: 1rem 0 0; padding-left: 1.4rem; }
ol.results li { margin: 0 0 .8rem; }
ol.results .snippet { font-family: var(--serif); color: var(--ink); margin: .2rem 0 0; }
.storybar { background: var(--card); border-bottom: 1px solid var(--rule); flex: none; }
.storybar .wrap { display: flex; gap: 1rem; align-items: center; padding-top: .5rem; padding-bottom: .5rem; flex-wrap: wrap; }
.storybar .title { font-weight: 650; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; min-width: 10rem; }
iframe.report { flex: 1 0 auto; width: 100%; min-height: calc(100vh - 7.5rem); border: 0; display: block; background: var(--paper); }
[hidden] { display: none !important; }
`;
