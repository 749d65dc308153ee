/** The page frame: plain CSS, a CJK-capable font stack, no scripts (post text is hostile; pages need no JS). */
import type { Child } from 'hono/jsx';

const CSS = `
body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d2430;background:#f6f7f9}
header{background:#1d2430;color:#fff;padding:10px 24px;display:flex;gap:24px;align-items:center}
header a{color:#fff;text-decoration:none}header .brand{font-weight:700;letter-spacing:.5px}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
.card{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px 18px;margin:14px 0}
h1{font-size:22px;margin:8px 0}h2{font-size:17px;margin:4px 0 10px}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:6px 8px;border-bottom:1px solid #eef0f3;vertical-align:top;font-size:14px}
.pill{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600}
.open{background:#fde2e1;color:#a4161a}.acknowledged{background:#fff3c4;color:#7a5b00}.resolved{background:#dff3e4;color:#1b6e35}
.critical{background:#a4161a;color:#fff}.warning{background:#f4a259;color:#fff}.learning{background:#e3e8ef;color:#44546a}.normal{background:#dff3e4;color:#1b6e35}.elevated{background:#fff3c4;color:#7a5b00}.incident{background:#fde2e1;color:#a4161a}
.muted{color:#6b7686;font-size:13px}.post{white-space:pre-wrap;word-break:break-word}
button{background:#1d2430;color:#fff;border:0;border-radius:6px;padding:8px 16px;font-size:15px;cursor:pointer}
input[type=text],textarea{font:inherit;padding:6px;border:1px solid #c8ced8;border-radius:6px;width:100%;box-sizing:border-box}
.draft{border-left:4px solid #f4a259;padding-left:10px}
`;

export function Layout(props: { title: string; children?: Child; user?: { name: string } | null }) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>{props.title} · Emberwatch</title>
        <style>{CSS}</style>
      </head>
      <body>
        <header>
          <a class="brand" href="/">Emberwatch</a>
          <a href="/">Overview</a>
          <a href="/outbox">Outbox</a>
          <span style="margin-left:auto" class="muted">{props.user ? `signed in as ${props.user.name}` : ''}</span>
        </header>
        <main>{props.children}</main>
      </body>
    </html>
  );
}

/** Formats a time in the brand's timezone. */
export function when(t: number | null, tz: string): string {
  if (t === null) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, year: 'numeric', month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' }).format(t);
}
