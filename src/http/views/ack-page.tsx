/** The page a one-click ack link opens: it shows what is being acknowledged; only its button (a POST) changes state. */
import type { Incident } from '../../core/types.js';
import { Layout } from './layout.js';

export function AckPage(p: { incident: Incident | null; token: string; error?: string; done?: string }) {
  return (
    <Layout title="Acknowledge">
      <div class="card">
        {p.error ? (
          <>
            <h1>Cannot acknowledge</h1>
            <p>{p.error}</p>
          </>
        ) : p.done ? (
          <>
            <h1>{p.done}</h1>
            {p.incident ? <p><a href={`/incidents/${p.incident.id}`}>Open the incident timeline</a></p> : null}
          </>
        ) : p.incident ? (
          <>
            <h1>Acknowledge: {p.incident.title}</h1>
            <p>{p.incident.reason}</p>
            <p class="muted">Acknowledging tells the team you are on it and stops escalation. It is recorded on the timeline under your name.</p>
            <form method="post" action={`/ack/${p.token}`}>
              <label>
                Your name <input type="text" name="name" required maxlength={80} placeholder="e.g. Lin Wei, PR on call" />
              </label>
              <p><button type="submit">Acknowledge incident</button></p>
            </form>
          </>
        ) : null}
      </div>
    </Layout>
  );
}

export function LoginPage(p: { next: string; error?: string }) {
  return (
    <Layout title="Sign in">
      <div class="card">
        <h1>Sign in</h1>
        {p.error ? <p style="color:#a4161a">{p.error}</p> : null}
        <form method="post" action="/login">
          <input type="hidden" name="next" value={p.next} />
          <label>API token <input type="text" name="token" required autocomplete="off" /></label>
          <p class="muted">On a new install, the admin token is in <code>data/admin-token</code>.</p>
          <button type="submit">Sign in</button>
        </form>
      </div>
    </Layout>
  );
}
