import { Html } from './html.js';

// One small stylesheet, inline so a page is one request. Colours meet WCAG AA contrast on white;
// the layout is a single column at Teams tab and phone widths and widens on larger screens.
export const WORKSPACE_CSS = new Html(`
:root { --ink:#1b1b1f; --muted:#505059; --line:#c8c8d0; --accent:#4f52b2; --accent-dark:#3b3e8f; --bad:#a4262c; --ok:#0e6b0e; --bg:#f5f5f7; }
* { box-sizing: border-box; }
body { margin:0; font:16px/1.5 "Segoe UI", system-ui, sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--accent-dark); }
a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus { outline:3px solid #ffb900; outline-offset:2px; }
.skip { position:absolute; left:-999px; }
.visually-hidden { position:absolute; width:1px; height:1px; overflow:hidden; clip:rect(0 0 0 0); white-space:nowrap; }
.skip:focus { left:8px; top:8px; background:#fff; padding:8px; z-index:2; }
.top { background:#fff; border-bottom:1px solid var(--line); padding:8px 16px; display:flex; flex-wrap:wrap; gap:4px 16px; align-items:center; }
.brand { font-weight:600; margin:0; flex:1 1 auto; }
.muted { color:var(--muted); font-weight:400; }
.signout { margin:0; display:flex; gap:8px; align-items:center; }
nav ul { list-style:none; display:flex; flex-wrap:wrap; gap:4px 16px; margin:0; padding:0; width:100%; }
nav { width:100%; }
nav a[aria-current=page] { font-weight:700; text-decoration-thickness:3px; }
main { padding:16px; max-width:1200px; margin:0 auto; }
h1 { font-size:1.5rem; margin:0 0 12px; }
h2 { font-size:1.2rem; margin:24px 0 8px; }
h3 { font-size:1rem; margin:0 0 4px; }
table { border-collapse:collapse; width:100%; background:#fff; }
th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--line); vertical-align:top; }
th { background:#ebebf0; }
td.num, th.num { text-align:right; }
tr.short > * { background:#fdf3f4; }
th a { color:inherit; }
.chart-pair { display:grid; gap:12px; }
.chart-pair > * { min-width:0; }
figure { margin:0; background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px; max-width:660px; }
tbody th { background:inherit; }
svg.chart { width:100%; height:auto; max-width:640px; display:block; }
.legend { display:flex; flex-wrap:wrap; gap:4px 16px; margin:0 0 4px; font-size:.875rem; }
.swatch { display:inline-block; width:12px; height:12px; margin-right:6px; vertical-align:middle; }
.scroll { overflow-x:auto; position:relative; }
.cards { display:grid; grid-template-columns:repeat(auto-fill, minmax(min(280px, 100%), 1fr)); gap:12px; list-style:none; padding:0; }
.card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:12px; }
.card p { margin:4px 0; }
.card h2 { margin-top:0; }
.tag { display:inline-block; background:#ebebf0; border-radius:4px; padding:0 6px; margin-right:4px; font-size:.875rem; }
.late { color:var(--bad); font-weight:600; }
label { display:block; font-weight:600; margin:8px 0 2px; }
.hint { color:var(--muted); font-size:.875rem; margin:0 0 4px; }
input[type=text], input[type=email], input[type=number], input[type=date], input[type=search], select, textarea { width:100%; max-width:min(32rem, 100%); padding:6px; font:inherit; border:1px solid #6e6e78; border-radius:4px; background:#fff; }
button, .button { font:inherit; padding:6px 14px; border-radius:4px; border:1px solid var(--accent); background:var(--accent); color:#fff; cursor:pointer; text-decoration:none; display:inline-block; }
button.secondary { background:#fff; color:var(--accent-dark); }
button.danger { background:var(--bad); border-color:var(--bad); }
button.link { background:none; border:none; color:var(--accent-dark); text-decoration:underline; padding:0; }
.actions { display:flex; flex-wrap:wrap; gap:8px; align-items:flex-end; margin-top:8px; }
.actions form { margin:0; }
.filters { display:flex; flex-wrap:wrap; gap:8px 16px; align-items:flex-end; background:#fff; border:1px solid var(--line); padding:8px 12px; border-radius:6px; }
.filters label { margin:0; }
.filters > div { min-width:0; max-width:100%; }
.filters select, .filters input { width:auto; max-width:100%; }
.card select { max-width:100%; }
.card, .cards > li { min-width:0; overflow-wrap:anywhere; }
.notice { padding:8px 12px; border-radius:4px; margin:0 0 12px; border-left:6px solid; background:#fff; }
.notice.ok { border-color:var(--ok); }
.notice.error { border-color:var(--bad); }
.error-text { color:var(--bad); font-weight:600; margin:2px 0; }
fieldset { border:1px solid var(--line); border-radius:4px; max-width:32rem; }
fieldset label { display:inline; font-weight:400; margin-right:12px; }
`);
