import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../src/domain/casework/document-file.ts';
import { DEMO_USERNAMES, DemoClients, type DemoUsername } from '../support/demo-clients.ts';
import { FIXTURES } from '../support/document-fixtures.ts';
import { type ApiClient, sampleReport, startTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let caseId: string;
let clients: DemoClients;

const USERS = DEMO_USERNAMES;
type User = DemoUsername;

const client = (user: User) => clients.of(user);

interface ErrorBody {
  error: {
    code: string;
    message: { nl: string; en: string };
    details: { path: string }[];
    requestId: string;
  };
}
interface Created {
  id: string;
  fileName: string;
  kind: string;
  size: number;
  category: string;
}
interface DocumentList {
  documents: { id: string; fileName: string; category: string; canRemove: boolean; uploadedBy: string }[];
  withheld: number;
}

/** A browser-like multipart upload with the session cookie and (unless told otherwise) the CSRF token. */
async function upload<T = Created>(
  c: ApiClient,
  file: { name: string; bytes: Uint8Array<ArrayBuffer>; type?: string },
  options: {
    category?: string | null;
    csrf?: boolean;
    extra?: [string, string | Blob][];
    kase?: string;
  } = {},
) {
  const form = new FormData();
  if (options.category !== null) form.set('category', options.category ?? 'team');
  form.set('file', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
  for (const [key, value] of options.extra ?? []) form.append(key, value);
  const headers: Record<string, string> = {};
  if (c.cookie) headers.cookie = c.cookie;
  if (options.csrf !== false && c.csrfToken) headers['x-csrf-token'] = c.csrfToken;
  const response = await fetch(`${c.base}/api/cases/${options.kase ?? caseId}/documents`, {
    method: 'POST',
    headers,
    body: form,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep text
  }
  return { status: response.status, body: body as T };
}

async function download(c: ApiClient, documentId: string) {
  const response = await fetch(`${c.base}/api/cases/${caseId}/documents/${documentId}/content`, {
    headers: c.cookie ? { cookie: c.cookie } : {},
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const documentCount = async () =>
  Number(
    (
      await t.deps.db
        .selectFrom('case_document')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  t = await startTestApp();
  clients = new DemoClients(t);
  await clients.signInAll();
  const local = client('wijkteam.nijmegen');
  const report = await local.post<{ id: string }>(
    '/api/reports',
    sampleReport({ persons: [{ fullName: 'Dina Document', dateOfBirth: '1991-09-09', role: 'victim' }] }),
  );
  caseId = (await local.post<{ id: string }>('/api/cases', { reportId: report.body.id })).body.id;
  const candidates = await local.get<{ userId: string; name: string; organisationId: string }[]>(
    `/api/cases/${caseId}/team-candidates`,
  );
  const paul = candidates.body.find((c) => c.name === 'Paul Politie');
  expect(paul).toBeDefined();
  const joined = await local.post(`/api/cases/${caseId}/team`, {
    userId: paul?.userId,
    organisationId: paul?.organisationId,
    caseRole: 'safety_partner',
  });
  expect(joined.status).toBe(201);
});
afterAll(async () => {
  await t.close();
});

describe('uploading', () => {
  it.each([
    ['verslag.pdf', 'pdf', 'pdf'],
    ['foto.png', 'png', 'png'],
    ['scan.jpg', 'jpeg', 'jpeg'],
    ['gesprek.txt', 'text', 'text'],
    ['brief.docx', 'docx', 'docx'],
    ['brief.odt', 'odt', 'odt'],
    ['zonder-extensie', 'pdf', 'pdf'],
  ] as const)('accepts %s as %s by its content', async (name, fixture, kind) => {
    // The browser's content type is ignored: every file is sent as application/octet-stream.
    const created = await upload(client('wijkteam.nijmegen'), {
      name,
      bytes: FIXTURES[fixture],
      type: 'application/octet-stream',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind, size: FIXTURES[fixture].length, category: 'team' });
    const downloaded = await download(client('wijkteam.nijmegen'), created.body.id);
    expect(downloaded.status).toBe(200);
    expect(downloaded.bytes.equals(FIXTURES[fixture])).toBe(true);
  });

  it.each([
    ['setup.pdf', 'exe', 'type_not_allowed'],
    ['setup.exe', 'exe', 'type_not_allowed'],
    ['page.pdf', 'html', 'type_not_allowed'],
    ['page.txt', 'html', 'type_not_allowed'],
    ['plaatje.png', 'svg', 'type_not_allowed'],
    ['archief.pdf', 'zip', 'type_not_allowed'],
    ['notities.pdf', 'text', 'name_does_not_match'],
    ['foto.jpg', 'png', 'name_does_not_match'],
    ['brief.pdf', 'docx', 'name_does_not_match'],
  ] as const)(
    'refuses %s with %s content (%s), stores nothing and audits the attempt',
    async (name, fixture, reason) => {
      const before = await documentCount();
      const refused = await upload<ErrorBody>(client('wijkteam.nijmegen'), {
        name,
        bytes: FIXTURES[fixture],
        type: 'application/pdf',
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('validation_failed');
      expect(refused.body.error.details.map((d) => d.path)).toEqual(['body.file']);
      expect(await documentCount()).toBe(before);
      const event = await t.deps.db
        .selectFrom('audit_event')
        .select(['outcome', 'details'])
        .where('action', '=', 'case.document.upload')
        .orderBy('position', 'desc')
        .executeTakeFirstOrThrow();
      expect(event).toMatchObject({ outcome: 'failure', details: { reason } });
    },
  );

  it('refuses a file over 10 MiB with 413 in the error shape, and stores nothing', async () => {
    const before = await documentCount();
    const big = Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x20);
    FIXTURES.pdf.copy(big);
    const refused = await upload<ErrorBody>(client('wijkteam.nijmegen'), { name: 'groot.pdf', bytes: big });
    expect(refused.status).toBe(413);
    expect(refused.body.error).toMatchObject({ code: 'payload_too_large', details: [{ path: 'body.file' }] });
    expect(refused.body.error.requestId).toEqual(expect.any(String));
    expect(await documentCount()).toBe(before);
  });

  it('accepts a file of exactly 10 MiB', async () => {
    const exact = Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20);
    FIXTURES.pdf.copy(exact);
    const created = await upload(client('wijkteam.nijmegen'), { name: 'precies.pdf', bytes: exact });
    expect(created.status).toBe(201);
    expect(created.body.size).toBe(MAX_DOCUMENT_BYTES);
  });

  it.each([
    ['../../etc/passwd', 'passwd.txt'],
    ['..\\..\\Windows\\System32\\drivers\\etc\\hosts.txt', 'hosts.txt'],
    ['/var/lib/kring/../../../root/.ssh/authorized_keys', 'authorized_keys.txt'],
    ['.bashrc', 'bashrc.txt'],
    ['CON.txt', '_CON.txt'],
    ['verslag\u202Etxt.exe.txt', 'verslag_txt.exe.txt'],
  ])('stores path-traversal name %j as the harmless %j', async (name, expected) => {
    const created = await upload(client('wijkteam.nijmegen'), {
      name,
      bytes: FIXTURES.text,
      type: 'text/plain',
    });
    expect(created.status).toBe(201);
    expect(created.body.fileName).toBe(expected);
    const downloaded = await download(client('wijkteam.nijmegen'), created.body.id);
    expect(downloaded.headers.get('content-disposition')).toContain(`filename="${expected}"`);
  });

  it('refuses an upload without the CSRF token before reading it', async () => {
    const before = await documentCount();
    const refused = await upload<ErrorBody>(
      client('wijkteam.nijmegen'),
      { name: 'brief.pdf', bytes: FIXTURES.pdf },
      { csrf: false },
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('csrf_failed');
    expect(await documentCount()).toBe(before);
  });

  it('refuses a missing or unknown category, a missing file, two files and unexpected fields', async () => {
    const before = await documentCount();
    const local = client('wijkteam.nijmegen');
    const file = { name: 'brief.pdf', bytes: FIXTURES.pdf };
    const noCategory = await upload<ErrorBody>(local, file, { category: null });
    expect(noCategory.status).toBe(400);
    expect(noCategory.body.error.details.map((d) => d.path)).toEqual(['body.category']);
    const badCategory = await upload<ErrorBody>(local, file, { category: 'everyone' });
    expect(badCategory.status).toBe(400);
    const twoFiles = await upload<ErrorBody>(local, file, {
      extra: [['file', new Blob([FIXTURES.pdf])]],
    });
    expect(twoFiles.status).toBe(400);
    const extraField = await upload<ErrorBody>(local, file, { extra: [['owner', 'iemand']] });
    expect(extraField.status).toBe(400);
    const empty = await upload<ErrorBody>(local, { name: 'leeg.txt', bytes: new Uint8Array() });
    expect(empty.status).toBe(400);
    const headers: Record<string, string> = {
      cookie: local.cookie ?? '',
      'x-csrf-token': local.csrfToken ?? '',
    };
    const form = new FormData();
    form.set('category', 'team');
    const noFile = await fetch(`${t.base}/api/cases/${caseId}/documents`, {
      method: 'POST',
      headers,
      body: form,
    });
    expect(noFile.status).toBe(400);
    expect(((await noFile.json()) as ErrorBody).error.details.map((d) => d.path)).toEqual(['body.file']);
    const json = await local.post<ErrorBody>(`/api/cases/${caseId}/documents`, {
      category: 'team',
      file: 'JVBERi0=',
    });
    expect(json.status).toBe(400);
    expect(await documentCount()).toBe(before);
  });

  it('stores the name and content encrypted: the database never holds the plaintext', async () => {
    const secret = Buffer.from('Vertrouwelijk: adres opvang Dorpsstraat 12, geheimnummer 0612345678\n');
    const created = await upload(
      client('wijkteam.nijmegen'),
      { name: 'opvangadres-dina.txt', bytes: secret, type: 'text/plain' },
      { category: 'health' },
    );
    expect(created.status).toBe(201);
    const row = await t.deps.db
      .selectFrom('case_document')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    const content = Buffer.from(row.content_sealed);
    const name = Buffer.from(row.file_name_sealed);
    expect(content.includes(secret)).toBe(false);
    expect(content.includes(Buffer.from('Dorpsstraat'))).toBe(false);
    expect(name.includes(Buffer.from('opvangadres'))).toBe(false);
    expect(content.length).toBeGreaterThan(secret.length);
    expect(JSON.stringify(row)).not.toContain('opvangadres');
  });

  it('the multipart parser exists only on the upload: other writes still take JSON only', async () => {
    const local = client('wijkteam.nijmegen');
    const form = new FormData();
    form.set('category', 'team');
    form.set('body', 'notitie via formulier');
    const response = await fetch(`${t.base}/api/cases/${caseId}/notes`, {
      method: 'POST',
      headers: { cookie: local.cookie ?? '', 'x-csrf-token': local.csrfToken ?? '' },
      body: form,
    });
    expect(response.status).toBe(415);
  });
});

describe('downloading and categories', () => {
  it('downloads as an attachment with nosniff, and audits it', async () => {
    const created = await upload(client('wijkteam.nijmegen'), {
      name: 'Café verslag (1).pdf',
      bytes: FIXTURES.pdf,
    });
    const downloaded = await download(client('politie.nijmegen'), created.body.id);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-disposition')).toBe(
      `attachment; filename="Cafe verslag (1).pdf"; filename*=UTF-8''Caf%C3%A9%20verslag%20%281%29.pdf`,
    );
    expect(downloaded.headers.get('x-content-type-options')).toBe('nosniff');
    expect(downloaded.headers.get('cache-control')).toBe('no-store');
    expect(downloaded.headers.get('content-security-policy')).toContain('sandbox');
    const event = await t.deps.db
      .selectFrom('audit_event')
      .select(['outcome', 'details', 'actor_user_id'])
      .where('action', '=', 'case.document.download')
      .orderBy('position', 'desc')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ outcome: 'success', details: { documentId: created.body.id } });
  });

  it('a team member of another organisation cannot list or download an organisation-only document', async () => {
    const local = client('wijkteam.nijmegen');
    const internal = await upload(
      local,
      { name: 'intern.pdf', bytes: FIXTURES.pdf },
      { category: 'organisation' },
    );
    const health = await upload(local, { name: 'zorg.pdf', bytes: FIXTURES.pdf }, { category: 'health' });
    const justice = await upload(local, { name: 'pv.pdf', bytes: FIXTURES.pdf }, { category: 'justice' });
    expect([internal.status, health.status, justice.status]).toEqual([201, 201, 201]);

    const police = client('politie.nijmegen');
    const list = await police.get<DocumentList>(`/api/cases/${caseId}/documents`);
    const ids = list.body.documents.map((d) => d.id);
    expect(ids).toContain(justice.body.id);
    expect(ids).not.toContain(internal.body.id);
    expect(ids).not.toContain(health.body.id);
    expect(list.body.withheld).toBeGreaterThanOrEqual(2);

    for (const id of [internal.body.id, health.body.id]) {
      const refused = await download(police, id);
      expect(refused.status).toBe(404);
      expect(refused.bytes.includes(FIXTURES.pdf)).toBe(false);
    }
    expect((await download(police, justice.body.id)).status).toBe(200);
    const denied = await t.deps.db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'case.document.download')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((e) => (e.details as { documentId: string }).documentId)).toContain(internal.body.id);

    // Veilig Thuis reads health and justice, but not another organisation's internal documents.
    const vt = client('vt.intake');
    expect((await download(vt, health.body.id)).status).toBe(200);
    expect((await download(vt, internal.body.id)).status).toBe(404);
    expect((await download(local, internal.body.id)).status).toBe(200);

    const filtered = await local.get<DocumentList>(`/api/cases/${caseId}/documents?category=organisation`);
    expect(filtered.body.documents.every((d) => d.category === 'organisation')).toBe(true);
    expect(filtered.body.documents.map((d) => d.id)).toContain(internal.body.id);
  });

  it('a document id of another case, or an unknown one, is not found', async () => {
    const local = client('wijkteam.nijmegen');
    const created = await upload(local, { name: 'brief.pdf', bytes: FIXTURES.pdf });
    const report = await local.post<{ id: string }>(
      '/api/reports',
      sampleReport({ persons: [{ fullName: 'Olaf Ander', dateOfBirth: '1970-01-01', role: 'victim' }] }),
    );
    const other = (await local.post<{ id: string }>('/api/cases', { reportId: report.body.id })).body.id;
    const cross = await fetch(`${t.base}/api/cases/${other}/documents/${created.body.id}/content`, {
      headers: { cookie: local.cookie ?? '' },
    });
    expect(cross.status).toBe(404);
    expect((await download(local, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('removing', () => {
  it('the uploader removes softly: gone from list and download, row and audit kept', async () => {
    const police = client('politie.nijmegen');
    const created = await upload(
      police,
      { name: 'mutatie.pdf', bytes: FIXTURES.pdf },
      { category: 'justice' },
    );
    expect(created.status).toBe(201);
    const listed = await police.get<DocumentList>(`/api/cases/${caseId}/documents`);
    expect(listed.body.documents.find((d) => d.id === created.body.id)?.canRemove).toBe(true);
    const removed = await police.request('DELETE', `/api/cases/${caseId}/documents/${created.body.id}`);
    expect(removed.status).toBe(200);
    const after = await police.get<DocumentList>(`/api/cases/${caseId}/documents`);
    expect(after.body.documents.map((d) => d.id)).not.toContain(created.body.id);
    expect((await download(police, created.body.id)).status).toBe(404);
    const again = await police.request('DELETE', `/api/cases/${caseId}/documents/${created.body.id}`);
    expect(again.status).toBe(404);
    const row = await t.deps.db
      .selectFrom('case_document')
      .select(['removed_at', 'removed_by_user_id'])
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
  });

  it('the coordinator may remove a document someone else added; another team member may not', async () => {
    const police = client('politie.nijmegen');
    const local = client('wijkteam.nijmegen');
    const first = await upload(police, { name: 'a.pdf', bytes: FIXTURES.pdf }, { category: 'team' });
    const second = await upload(local, { name: 'b.pdf', bytes: FIXTURES.pdf });
    // What the coordinator may not read (justice, for a local team) they cannot remove either.
    const unreadable = await upload(police, { name: 'pv.pdf', bytes: FIXTURES.pdf }, { category: 'justice' });
    const hidden = await local.request('DELETE', `/api/cases/${caseId}/documents/${unreadable.body.id}`);
    expect(hidden.status).toBe(404);
    expect((await download(police, unreadable.body.id)).status).toBe(200);
    const byOther = await police.request<ErrorBody>(
      'DELETE',
      `/api/cases/${caseId}/documents/${second.body.id}`,
    );
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.details.map((d) => d.path)).toEqual(['params.documentId']);
    expect((await download(police, second.body.id)).status).toBe(200);
    const byCoordinator = await local.request('DELETE', `/api/cases/${caseId}/documents/${first.body.id}`);
    expect(byCoordinator.status).toBe(200);
  });

  it('removal needs the CSRF token', async () => {
    const local = client('wijkteam.nijmegen');
    const created = await upload(local, { name: 'c.pdf', bytes: FIXTURES.pdf });
    const refused = await local.request(
      'DELETE',
      `/api/cases/${caseId}/documents/${created.body.id}`,
      undefined,
      {
        csrf: false,
      },
    );
    expect(refused.status).toBe(403);
    expect((await download(local, created.body.id)).status).toBe(200);
  });
});

describe('authorization of every document endpoint', () => {
  let teamDocument: string;
  beforeAll(async () => {
    teamDocument = (await upload(client('wijkteam.nijmegen'), { name: 'team.pdf', bytes: FIXTURES.pdf })).body
      .id;
  });

  const ENDPOINTS = {
    list: (c: ApiClient) => c.get(`/api/cases/${caseId}/documents`),
    upload: (c: ApiClient) => upload(c, { name: 'x.pdf', bytes: FIXTURES.pdf }),
    download: (c: ApiClient) => download(c, teamDocument),
    // A fresh document of the coordinator's each time, so one caller's removal does not affect the next.
    remove: async (c: ApiClient) => {
      const fresh = await upload(client('wijkteam.nijmegen'), { name: 'weg.pdf', bytes: FIXTURES.pdf });
      return c.request('DELETE', `/api/cases/${caseId}/documents/${fresh.body.id}`);
    },
  } as const;
  type Endpoint = keyof typeof ENDPOINTS;

  const coordinator = { list: 200, upload: 201, download: 200, remove: 200 };
  // In the team (or Veilig Thuis serving the household) but neither uploader nor coordinator.
  const member = { ...coordinator, remove: 403 };
  const outsider = { list: 404, upload: 404, download: 404, remove: 404 };
  const noClientWork = { list: 403, upload: 403, download: 403, remove: 403 };
  const EXPECTED: Record<User, Record<Endpoint, number>> = {
    'wijkteam.nijmegen': coordinator,
    'vt.intake': member,
    'vt.teamleider': member,
    'politie.nijmegen': member,
    'regisseur.nijmegen': outsider,
    'wijkteam.tiel': outsider,
    'beleid.regio': noClientWork,
    'beheer.regio': noClientWork,
    'privacy.regio': noClientWork,
  };
  const cases = USERS.flatMap((user) =>
    (Object.keys(ENDPOINTS) as Endpoint[]).map(
      (endpoint) => [user, endpoint, EXPECTED[user][endpoint]] as const,
    ),
  );
  it.each(cases)('%s → %s answers %i', async (user, endpoint, status) => {
    const before = endpoint === 'upload' ? await documentCount() : 0;
    const response = await ENDPOINTS[endpoint](client(user));
    expect(response.status).toBe(status);
    if (endpoint === 'upload') expect(await documentCount()).toBe(before + (status === 201 ? 1 : 0));
    if (endpoint === 'download' && status !== 200)
      expect('bytes' in response && response.bytes.includes(FIXTURES.pdf)).toBe(false);
  });

  it('signed out: 401 everywhere', async () => {
    const anonymous = new (client('wijkteam.nijmegen').constructor as typeof ApiClient)(t.base);
    for (const endpoint of ['list', 'upload', 'download'] as const) {
      expect((await ENDPOINTS[endpoint](anonymous)).status).toBe(401);
    }
  });
});
