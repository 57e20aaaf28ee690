import { type ApiClient, signIn, type TestApp } from './test-app.ts';

/** Every demo user, for tests that try each endpoint with every role and with outsiders. */
export const DEMO_USERNAMES = [
  'wijkteam.nijmegen',
  'vt.intake',
  'vt.teamleider',
  'politie.nijmegen',
  'regisseur.nijmegen',
  'wijkteam.tiel',
  'beleid.regio',
  'beheer.regio',
  'privacy.regio',
] as const;
export type DemoUsername = (typeof DEMO_USERNAMES)[number];

/** Signed-in clients per demo user; sessions end after 15 idle minutes, so sign in again after moving the clock. */
export class DemoClients {
  private readonly clients = new Map<DemoUsername, ApiClient>();

  constructor(private readonly t: TestApp) {}

  async signInAll(users: readonly DemoUsername[] = DEMO_USERNAMES) {
    for (const user of users) this.clients.set(user, await signIn(this.t, user));
  }

  of(user: DemoUsername): ApiClient {
    const c = this.clients.get(user);
    if (!c) throw new Error(`not signed in: ${user}`);
    return c;
  }
}
