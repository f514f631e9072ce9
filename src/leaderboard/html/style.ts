/** The site's one stylesheet (inlined in every page so each opens alone from a file). */
export const SITE_CSS = `
:root{--fg:#1d1d1f;--muted:#666;--line:#ddd;--bad:#b00020;--good:#0a7d32}
body{font-family:"Noto Sans CJK JP","Noto Sans JP","Hiragino Sans","Yu Gothic",system-ui,sans-serif;color:var(--fg);margin:1.5rem auto;max-width:1200px;padding:0 1rem;line-height:1.5}
nav a{margin-right:1rem}h1{font-size:1.5rem}h2{margin-top:2rem;border-bottom:1px solid var(--line)}
table{border-collapse:collapse;margin:.5rem 0;font-size:.9rem}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.ci{color:var(--muted);font-size:.8em}
.apart{background:#fff6e0}.sig{font-weight:bold}.incomplete{color:var(--bad)}.muted{color:var(--muted)}
.chart{overflow-x:auto;margin:1rem 0}pre{white-space:pre-wrap;word-break:break-word;background:#f6f6f6;padding:.5rem;margin:.25rem 0;max-height:24rem;overflow:auto}
.item{border:1px solid var(--line);margin:.5rem 0;padding:.5rem}.item.target{outline:3px solid #f5a623}
.outcome-correct{color:var(--good)}.outcome-incorrect,.outcome-error{color:var(--bad)}
.cols{display:grid;grid-template-columns:1fr 1fr;gap:.5rem}label{margin-right:1rem}
`;
