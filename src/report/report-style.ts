/**
 * The stylesheet of the HTML report, inlined in a `<style>` element whose
 * hash the page's Content-Security-Policy allows. No web fonts, no images
 * from outside: the report opens from disk with no network.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light;
  --paper: #fbfaf7; --card: #ffffff; --ink: #1b1b1f; --muted: #575e6b; --rule: #e2ded4;
  --accent: #1f4e79; --accent-soft: #e6eef7; --warn: #9a4a07; --warn-soft: #fdf1dc;
  --bad: #b42318; --bad-soft: #fde8e6; --good: #17663a; --good-soft: #dff3e6;
  --focus: #e08a00; --serif: Charter, "Bitstream Charter", "Iowan Old Style", Georgia, Cambria, "Times New Roman", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-padding-top: 4rem; }
body { margin: 0; background: var(--paper); color: var(--ink); font: 16px/1.55 var(--sans); }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem 1rem; z-index: 20; }
.skip:focus { left: .5rem; }
.wrap { max-width: 78rem; margin: 0 auto; padding: 0 1.25rem; }
.top { border-bottom: 1px solid var(--rule); background: var(--card); }
.top .wrap { display: flex; align-items: baseline; gap: .75rem; padding-top: .7rem; padding-bottom: .7rem; }
.brand { font-weight: 700; letter-spacing: .02em; color: var(--accent); }
.top .note { color: var(--muted); font-size: .85rem; }
.story { padding-bottom: 2rem; }
.story + .story { border-top: 4px double var(--rule); }
.story-head { padding: 2.2rem 0 1rem; }
.kicker { text-transform: uppercase; letter-spacing: .09em; font-size: .75rem; font-weight: 700; color: var(--accent); margin: 0 0 .4rem; }
h1, h2, h3, h4 { line-height: 1.25; }
.story-head h1 { font-family: var(--serif); font-size: clamp(1.65rem, 1.2rem + 2vw, 2.45rem); margin: 0 0 .6rem; max-width: 48rem; }
.meta { color: var(--muted); font-size: .92rem; margin: 0 0 .2rem; }
.toc { position: sticky; top: 0; z-index: 10; background: rgba(251, 250, 247, .96); border-bottom: 1px solid var(--rule); }
.toc ul { list-style: none; margin: 0; padding: .5rem 0; display: flex; gap: .35rem; overflow-x: auto; white-space: nowrap; }
.toc a { display: inline-block; padding: .25rem .7rem; border-radius: 999px; text-decoration: none; font-size: .88rem; color: var(--ink); border: 1px solid var(--rule); background: var(--card); }
.toc a:hover { border-color: var(--accent); color: var(--accent); }
section.part { padding: 1.8rem 0 .6rem; }
section.part > h2 { font-size: 1.35rem; margin: 0 0 .35rem; padding-bottom: .3rem; border-bottom: 2px solid var(--ink); display: flex; gap: .6rem; align-items: baseline; }
.count { font-size: .85rem; color: var(--muted); font-weight: 500; }
.lede { color: var(--muted); margin: .2rem 0 1rem; max-width: 46rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; }
.brief-grid { display: grid; grid-template-columns: minmax(0, 1fr) 19rem; gap: 2.5rem; align-items: start; }
.brief-grid > * { min-width: 0; }
.account { font-family: var(--serif); font-size: 1.12rem; line-height: 1.7; max-width: 44rem; }
.account p { margin: 0 0 1rem; }
.cites { white-space: nowrap; font-family: var(--sans); font-size: .72rem; vertical-align: .45em; line-height: 0; margin-left: .15em; }
.cites a { display: inline-block; min-width: 1.45em; padding: .12em .35em; margin: 0 1px; border-radius: 999px; background: var(--accent-soft); color: var(--accent); text-decoration: none; text-align: center; font-weight: 600; line-height: 1.35; }
.cites a:hover { background: var(--accent); color: #fff; }
.more-cites { display: inline-block; padding: .12em .4em; margin: 0 1px; border-radius: 999px; background: #eef0f3; color: var(--muted); font-weight: 600; line-height: 1.35; cursor: help; }
.sources { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; padding: .9rem 1rem; position: sticky; top: 3.6rem; max-height: calc(100vh - 4.5rem); overflow: auto; font-size: .9rem; }
.sources h3 { margin: 0 0 .5rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.sources ol { list-style: none; margin: 0; padding: 0; }
.sources li { display: grid; grid-template-columns: 1.8rem 1fr; gap: .1rem .4rem; padding: .4rem 0; border-top: 1px solid var(--rule); }
.sources li:first-child { border-top: 0; }
.num { display: inline-flex; align-items: center; justify-content: center; width: 1.55rem; height: 1.55rem; border-radius: 999px; background: var(--accent); color: #fff; font-size: .75rem; font-weight: 700; }
.sources .outlet { font-weight: 650; overflow-wrap: anywhere; }
.sources .sub { grid-column: 2; color: var(--muted); font-size: .8rem; }
.generated { background: var(--warn-soft); border-left: 4px solid var(--warn); padding: .7rem 1rem; border-radius: 0 8px 8px 0; max-width: 46rem; }
.generated .label { display: block; font-size: .72rem; font-weight: 700; text-transform: uppercase; letter-spacing: .08em; color: var(--warn); margin-bottom: .2rem; }
.generated p { margin: 0; }
.only-group { margin: 0 0 1rem; }
.only-group h4 { margin: .8rem 0 .3rem; font-size: .95rem; }
.only-group ul { margin: 0; padding-left: 1.2rem; font-family: var(--serif); max-width: 46rem; }
.only-group details { margin: .3rem 0 0 1.2rem; }
.only-group summary { cursor: pointer; color: var(--accent); font-size: .9rem; }
.only-group li { margin: .25rem 0; }
.table-wrap { overflow-x: auto; max-width: 100%; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; background: var(--card); }
th, td { text-align: left; vertical-align: top; padding: .5rem .65rem; border-bottom: 1px solid var(--rule); }
th { font-size: .75rem; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); border-bottom: 2px solid var(--ink); }
td.quote, td.context { font-family: var(--serif); min-width: 16rem; }
.badge { display: inline-block; font-size: .7rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; padding: .1rem .45rem; border-radius: 4px; background: #eef0f3; color: #374151; white-space: nowrap; }
.badge.loaded, .badge.altered, .badge.misattributed { background: var(--bad-soft); color: var(--bad); }
.badge.substitution, .badge.truncated, .badge.extended { background: var(--warn-soft); color: var(--warn); }
.badge.kept { background: var(--good-soft); color: var(--good); }
.variant { display: block; margin: .15rem 0; }
details.more-rows { margin: .4rem 0 0; }
details.more-rows > summary { cursor: pointer; color: var(--accent); font-size: .9rem; padding: .3rem 0; }
ins { background: var(--good-soft); color: var(--good); text-decoration: none; border-bottom: 2px solid var(--good); }
del { background: var(--bad-soft); color: var(--bad); }
.timeline { list-style: none; padding: 0; margin: 0; max-width: 50rem; border-left: 2px solid var(--rule); }
.timeline > li { position: relative; padding: .1rem 0 .7rem 1.2rem; }
.timeline > li::before { content: ""; position: absolute; left: -6px; top: .45rem; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
.timeline time { display: block; font-weight: 700; font-size: .85rem; color: var(--accent); }
.timeline ul { margin: .1rem 0 0; padding-left: 1rem; }
.timeline ul li { margin: .15rem 0; }
.timeline .what { font-family: var(--serif); }
.who { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; }
.who h4 { margin: 0 0 .3rem; font-size: .8rem; text-transform: uppercase; letter-spacing: .08em; color: var(--muted); }
.who ul { margin: 0; padding: 0; list-style: none; }
.who li { padding: .15rem 0; }
.figure { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; padding: .8rem; overflow-x: auto; }
.figure svg { display: block; max-width: none; height: auto; }
.evidence { min-height: 3em; margin: .6rem 0 0; padding: .6rem .8rem; background: var(--accent-soft); border-radius: 8px; font-size: .92rem; }
.provenance-graph .edge { cursor: help; }
.provenance-graph .edge:hover .edge-line, .provenance-graph .edge:focus .edge-line { stroke-width: 5; }
.provenance-graph .node:hover rect, .provenance-graph .node:focus rect { stroke: var(--focus); stroke-width: 3; }
.provenance-graph :focus { outline: none; }
.coverage-map .fact-label:hover text, .coverage-map .fact-label:focus text { fill: var(--accent); text-decoration: underline; }
.pair-controls { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: end; margin: .5rem 0 .6rem; }
.pair-controls label { display: flex; flex-direction: column; font-size: .8rem; color: var(--muted); gap: .2rem; }
select, button { font: inherit; font-size: .95rem; padding: .4rem .6rem; border: 1px solid #b9b4a7; border-radius: 6px; background: var(--card); color: var(--ink); max-width: 100%; }
button { cursor: pointer; }
button:hover { border-color: var(--accent); }
.pair-summary { font-size: .92rem; margin: 0 0 .6rem; color: var(--muted); }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.col { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; overflow: hidden; display: flex; flex-direction: column; min-width: 0; }
.col-head { padding: .6rem .9rem; border-bottom: 1px solid var(--rule); background: #f5f3ee; }
.col-head .outlet { font-weight: 700; }
.col-head .headline { font-family: var(--serif); font-size: .95rem; color: var(--muted); }
.col-body { padding: .8rem .9rem; max-height: 72vh; overflow: auto; white-space: pre-wrap; font-family: var(--serif); font-size: 1rem; line-height: 1.65; overflow-wrap: anywhere; }
.psg { color: inherit; text-decoration: none; border-radius: 3px; -webkit-box-decoration-break: clone; box-decoration-break: clone; padding: 1px 0; }
.psg-verbatim { background: #e9f1f9; }
.psg-edited { background: #edf2f8; box-shadow: inset 0 -2px 0 #9ab6d3; }
.psg-paraphrase { background: #f4eef9; box-shadow: inset 0 -2px 0 #c4a6dd; }
.psg:hover { background: #dbe8f5; }
.ed { border-radius: 3px; padding: 0 1px; }
.ed-spelling { background: #dfe7fb; }
.ed-punctuation { background: #e6e6e6; }
.ed-function-word { background: #ece4f7; }
.ed-number-format { background: #d7efec; }
.ed-substitution { background: #fbd98a; }
.ed-deletion { background: #bfe8cb; }
.ed.framing { outline: 2px solid var(--bad); font-weight: 700; }
.gap-mark { color: var(--bad); font-family: var(--sans); font-weight: 700; font-size: .8em; padding: 0 1px; }
.legend { display: flex; flex-wrap: wrap; gap: .4rem .9rem; font-size: .82rem; color: var(--muted); margin: .6rem 0; padding: 0; list-style: none; }
.legend .ed, .legend .psg { color: var(--ink); padding: 0 .3rem; }
.source-text { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; padding: .9rem 1.1rem; font-family: var(--serif); line-height: 1.7; max-width: 50rem; }
.source-text p { margin: 0 0 .8rem; }
.dev { background: #fbe3a6; border-radius: 3px; color: inherit; text-decoration: none; box-shadow: inset 0 -2px 0 #d99a1e; }
.dev:hover { background: #f7cf6b; }
.dev-ref { font-family: var(--sans); font-size: .68rem; vertical-align: .45em; line-height: 0; margin-left: 1px; }
.dev-ref a { text-decoration: none; font-weight: 700; }
.copy-extras { max-width: 50rem; }
.copy-extras li { margin: .3rem 0; }
.copy-extras q { font-family: var(--serif); }
details.article { background: var(--card); border: 1px solid var(--rule); border-radius: 10px; margin: 0 0 .7rem; }
details.article > summary { cursor: pointer; padding: .75rem 1rem; display: grid; grid-template-columns: 2rem 1fr; gap: .1rem .6rem; list-style: none; }
details.article > summary::-webkit-details-marker { display: none; }
details.article > summary .headline { font-family: var(--serif); font-size: 1.08rem; font-weight: 700; }
details.article > summary .sub { grid-column: 2; color: var(--muted); font-size: .85rem; }
details.article[open] > summary { border-bottom: 1px solid var(--rule); }
.article-body p { margin: 0 0 .9rem; }
.article-body { padding: .8rem 1.1rem .4rem; font-family: var(--serif); font-size: 1.04rem; line-height: 1.7; max-width: 48rem; overflow-wrap: anywhere; }
.article-meta { padding: .6rem 1.1rem 0; font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
.article-meta dt { font-weight: 700; display: inline; }
.article-meta dd { display: inline; margin: 0 .9rem 0 .25rem; }
.fs.only { background: linear-gradient(transparent 62%, #fde7b0 62%); }
.wd { border-radius: 3px; padding: 0 1px; background: #fbd98a; }
.wd.loaded { outline: 2px solid var(--bad); }
details.removed { margin: 0 1.1rem 1rem; font-size: .88rem; }
details.removed summary { cursor: pointer; color: var(--muted); }
details.removed ol { padding-left: 1.3rem; }
details.removed li { margin: .35rem 0; }
.reason { font-size: .7rem; font-weight: 700; text-transform: uppercase; letter-spacing: .05em; background: #eef0f3; color: #374151; padding: .05rem .4rem; border-radius: 4px; margin-right: .3rem; }
.removed-text { white-space: pre-wrap; overflow-wrap: anywhere; }
.removed .detail { color: var(--muted); font-style: italic; }
:target, .flash { background: #fff1c7 !important; box-shadow: 0 0 0 3px #f5b83d; border-radius: 3px; }
.flash { animation: flash 1.6s ease-out; }
.psg.flash, .psg:target { background: #ffe9a8 !important; box-shadow: none; animation: none; }
@keyframes flash { 0% { box-shadow: 0 0 0 7px #f5b83d; } 100% { box-shadow: 0 0 0 3px #f5b83d; } }
.problems li { margin: .3rem 0; }
.problems code, .article-meta code { font-size: .85em; background: #f0eee8; padding: .05rem .3rem; border-radius: 4px; overflow-wrap: anywhere; }
footer { border-top: 1px solid var(--rule); color: var(--muted); font-size: .85rem; padding: 1.2rem 0 2rem; margin-top: 2rem; }
.empty { color: var(--muted); font-style: italic; }
@media (max-width: 62rem) {
  .brief-grid { grid-template-columns: minmax(0, 1fr); gap: 1rem; }
  .sources { position: static; order: -1; max-height: 22rem; }
}
@media (max-width: 44rem) {
  body { font-size: 15px; }
  .wrap { padding: 0 .85rem; }
  .pair { grid-template-columns: 1fr; }
  .col-body { max-height: 55vh; }
  .account { font-size: 1.05rem; }
  th, td { padding: .45rem .5rem; }
  table.stack thead { display: none; }
  table.stack tr { display: block; border-bottom: 1px solid var(--rule); padding: .4rem 0; }
  table.stack td { display: block; border: 0; padding: .2rem .5rem; min-width: 0; }
  table.stack td[data-label]::before { content: attr(data-label); display: block; font-family: var(--sans); font-size: .68rem; font-weight: 700; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
}
@media print {
  .toc, .pair-controls, .skip { display: none; }
  .col-body { max-height: none; }
  .sources { position: static; }
}
`;
