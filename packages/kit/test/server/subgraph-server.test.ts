import { defineEntity, p } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Registry } from 'prom-client';
import {
  Arg,
  Ctx,
  Directive,
  Field,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@shop/testkit';
import { openDatabase, type EntityManager, type Orm } from '../../src/db/index.js';
import {
  buildSubgraphSchema,
  createResultUnion,
  createSubgraphServer,
  ErrorResult,
  isStaff,
  isAuthenticated,
  isOwner,
  isService,
  or,
  type CallerResolver,
  type Identity,
  type Role,
  type SubgraphContext,
  type SubgraphSchema,
  type SubgraphServer,
} from '../../src/server/index.js';

// ---- A tiny sample subgraph: notes, readable only by their owner. ----

const NoteSchema = defineEntity({
  name: 'Note',
  properties: {
    id: p.integer().primary().autoincrement(),
    ownerId: p.string().length(64),
    text: p.string().length(500),
  },
});
class NoteEntity extends NoteSchema.class {}
NoteSchema.setClass(NoteEntity);

const maxNoteLength = 20;

@Directive('@key(fields: "id")')
@ObjectType('Note')
class Note {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  ownerId!: string;

  @Field(() => String)
  text!: string;
}

@ObjectType({ implements: ErrorResult })
class NoteTooLong extends ErrorResult {
  @Field(() => Int)
  maxLength: number;

  constructor(maxLength: number) {
    super('INVALID_INPUT', `A note has at most ${maxLength} characters.`);
    this.maxLength = maxLength;
  }
}

const CreateNoteResult = createResultUnion({
  name: 'CreateNoteResult',
  types: () => [Note, NoteTooLong] as const,
});

type NotesContext = SubgraphContext;

/** Entity managers the resolvers saw, to show each request has its own. */
const entityManagersSeen: EntityManager[] = [];
/** Holds `slowPing` in flight: it says it started, then waits until the test lets it answer. */
let slowPingGate: { started: () => void; answer: Promise<void> } | undefined;

@Resolver(() => Note)
class NoteResolver {
  @Query(() => Note, { nullable: true })
  async note(@Arg('id', () => ID) id: string, @Ctx() context: NotesContext) {
    entityManagersSeen.push(context.em);
    return context.em.findOne(NoteEntity, { id: Number(id) });
  }

  /** Deliberately missing from the permission rules: the fallback must deny it. */
  @Query(() => Int)
  async noteCount(@Ctx() context: NotesContext) {
    return context.em.count(NoteEntity);
  }

  @Query(() => String)
  async slowPing(@Ctx() context: NotesContext) {
    slowPingGate?.started();
    await slowPingGate?.answer;
    // Uses the database after the wait: stop() must not close it under an in-flight request.
    return `pong with ${await context.em.count(NoteEntity)} notes`;
  }

  @Mutation(() => CreateNoteResult)
  async createNote(@Arg('text', () => String) text: string, @Ctx() context: NotesContext) {
    if (text.length > maxNoteLength) return new NoteTooLong(maxNoteLength);
    if (context.identity.kind !== 'user') throw new Error('only users write notes');
    const note = context.em.create(NoteEntity, { ownerId: context.identity.userId, text });
    await context.em.flush();
    return note;
  }
}

function buildNotesSchema(): Promise<SubgraphSchema> {
  return buildSubgraphSchema<NotesContext>({
    resolvers: [NoteResolver],
    referenceResolvers: {
      Note: (reference, context) =>
        context.em.findOne(NoteEntity, { id: Number((reference as { id: string }).id) }),
    },
    permissions: {
      Query: { note: isAuthenticated, slowPing: isService },
      Mutation: { createNote: isAuthenticated },
      Note: or(
        isOwner((note: NoteEntity) => note.ownerId),
        isStaff,
      ),
    },
  });
}

/**
 * Test stand-in for the real caller check (a later issue): `x-test-caller: user:<id>:<ROLE,…>`,
 * `service:<name>` or `anonymous`; no header means no valid caller, and the `storefront` service
 * is a known caller that may not call subgraphs.
 */
const testCaller: CallerResolver = async (headers: IncomingHttpHeaders) => {
  const identity = testIdentity(headers);
  return identity && { via: 'test', identity };
};

function testIdentity(headers: IncomingHttpHeaders): Identity | null {
  const caller = headers['x-test-caller'];
  if (typeof caller !== 'string') return null;
  if (caller === 'anonymous') return { kind: 'anonymous' };
  const [kind, name = '', roles = ''] = caller.split(':');
  if (kind === 'user') return { kind: 'user', userId: name, roles: roles.split(',') as Role[] };
  if (kind === 'service' && name === 'storefront') {
    throw new GraphQLError('The storefront calls the router, not subgraphs.', {
      extensions: { code: 'FORBIDDEN', http: { status: 403 } },
    });
  }
  if (kind === 'service') return { kind: 'service', service: name };
  return null;
}

// ---- Harness ----

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

interface Running {
  dataDir: string;
  orm: Orm;
  server: SubgraphServer;
  logLines: Record<string, unknown>[];
}

async function startNotesSubgraph(schema: SubgraphSchema): Promise<Running> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'shop-kit-server-'));
  const orm = await openDatabase({
    config: { kind: 'sqlite', file: path.join(dataDir, 'notes.sqlite') },
    entities: [NoteSchema],
  });
  await orm.schema.update();
  const logLines: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
      done();
    },
  });
  const server = await createSubgraphServer({
    name: 'notes',
    schema: schema.schema,
    orm,
    resolveCaller: testCaller,
    logger: pino({ level: 'info' }, logStream),
    port: 0,
    introspection: false,
    metricsRegistry: new Registry(),
  });
  return { dataDir, orm, server, logLines };
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

function callerHeader(identity: Identity): Record<string, string> {
  const value =
    identity.kind === 'user'
      ? `user:${identity.userId}:${identity.roles.join(',')}`
      : identity.kind === 'service'
        ? `service:${identity.service}`
        : 'anonymous';
  return { 'x-test-caller': value };
}

const alice: Identity = { kind: 'user', userId: 'alice', roles: ['CUSTOMER'] };
const bob: Identity = { kind: 'user', userId: 'bob', roles: ['CUSTOMER'] };
const admin: Identity = { kind: 'user', userId: 'ada', roles: ['ADMIN'] };
const router: Identity = { kind: 'service', service: 'router' };

function errorCodes(body: GraphQLBody): (string | undefined)[] {
  return (body.errors ?? []).map((error) => error.extensions?.code);
}

const createNote = `mutation CreateNote($text: String!) {
  createNote(text: $text) {
    __typename
    ... on Note { id text ownerId }
    ... on ErrorResult { errorCode message }
    ... on NoteTooLong { maxLength }
  }
}`;
const readNote = `query ReadNote($id: ID!) { note(id: $id) { id text ownerId } }`;
const readEntities = `query ReadEntities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Note { id text } }
}`;

// ---- Tests ----

describe('a subgraph built and served by the kit', () => {
  let schema: SubgraphSchema;
  let running: Running;
  let url: string;

  async function createNoteAs(identity: Identity, text: string): Promise<string> {
    const { body } = await post(
      url,
      { query: createNote, variables: { text } },
      callerHeader(identity),
    );
    const result = body.data?.createNote as { __typename: string; id: string };
    expect(result.__typename).toBe('Note');
    return result.id;
  }

  beforeAll(async () => {
    schema = await buildNotesSchema();
    running = await startNotesSubgraph(schema);
    url = running.server.url;
  });

  afterAll(async () => {
    await running.server.stop();
    await running.orm.close();
    await rm(running.dataDir, { recursive: true, force: true });
  });

  it('prints SDL with the federation @link and the @key kept, for composition', () => {
    expect(schema.sdl).toContain('@key(fields: "id")');
    expect(schema.sdl).toMatch(
      /@link\(\s*url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/,
    );
    expect(schema.sdl).toMatch(/import: \[[^\]]*"@key"[^\]]*"@shareable"/);
    expect(schema.sdl).toContain('interface ErrorResult');
    expect(schema.sdl).toContain('union CreateNoteResult = Note | NoteTooLong');
  });

  it('serves _service { sdl } to the router, and to nobody else', async () => {
    const asRouter = await post(url, { query: '{ _service { sdl } }' }, callerHeader(router));
    expect(asRouter.body.errors).toBeUndefined();
    expect(asRouter.body.data?._service).toEqual({ sdl: schema.sdl });

    const asUser = await post(url, { query: '{ _service { sdl } }' }, callerHeader(alice));
    expect(errorCodes(asUser.body)).toEqual(['FORBIDDEN']);
  });

  it('refuses a request without caller credentials with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await post(url, { query: readNote, variables: { id: '1' } });
    expect(status).toBe(401);
    expect(errorCodes(body)).toEqual(['UNAUTHENTICATED']);
    expect(body.data).toBeUndefined();
  });

  it('refuses a known caller the check rejects with the status it chose (403)', async () => {
    const { status, body } = await post(
      url,
      { query: readNote, variables: { id: '1' } },
      { 'x-test-caller': 'service:storefront' },
    );
    expect(status).toBe(403);
    expect(errorCodes(body)).toEqual(['FORBIDDEN']);
  });

  it('lets a user read their own note and nobody else but admins, also through _entities', async () => {
    const id = await createNoteAs(alice, 'milk, eggs');

    const own = await post(url, { query: readNote, variables: { id } }, callerHeader(alice));
    expect(own.body).toEqual({ data: { note: { id, text: 'milk, eggs', ownerId: 'alice' } } });

    const other = await post(url, { query: readNote, variables: { id } }, callerHeader(bob));
    expect(other.body.data).toEqual({ note: null });
    expect(new Set(errorCodes(other.body))).toEqual(new Set(['FORBIDDEN']));

    const anonymous = await post(
      url,
      { query: readNote, variables: { id } },
      { 'x-test-caller': 'anonymous' },
    );
    expect(errorCodes(anonymous.body)).toEqual(['UNAUTHENTICATED']);

    const representations = [{ __typename: 'Note', id }];
    const otherViaEntities = await post(
      url,
      { query: readEntities, variables: { representations } },
      callerHeader(bob),
    );
    expect(otherViaEntities.body.data).toEqual({ _entities: [null] });
    expect(new Set(errorCodes(otherViaEntities.body))).toEqual(new Set(['FORBIDDEN']));

    const ownViaEntities = await post(
      url,
      { query: readEntities, variables: { representations } },
      callerHeader(alice),
    );
    expect(ownViaEntities.body).toEqual({ data: { _entities: [{ id, text: 'milk, eggs' }] } });

    const adminViaEntities = await post(
      url,
      { query: readEntities, variables: { representations } },
      callerHeader(admin),
    );
    expect(adminViaEntities.body).toEqual({ data: { _entities: [{ id, text: 'milk, eggs' }] } });
  });

  it('denies a field that has no permission rule (fallback deny)', async () => {
    const { body } = await post(url, { query: '{ noteCount }' }, callerHeader(router));
    expect(body.data).toBeNull();
    expect(errorCodes(body)).toEqual(['FORBIDDEN']);
  });

  it('returns a business failure as a typed result and leaves the database unchanged', async () => {
    const before = await running.orm.em.fork().count(NoteEntity);
    const { body } = await post(
      url,
      { query: createNote, variables: { text: 'x'.repeat(maxNoteLength + 1) } },
      callerHeader(alice),
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.createNote).toEqual({
      __typename: 'NoteTooLong',
      errorCode: 'INVALID_INPUT',
      message: `A note has at most ${maxNoteLength} characters.`,
      maxLength: maxNoteLength,
    });
    expect(await running.orm.em.fork().count(NoteEntity)).toBe(before);
  });

  it('gives each request its own entity manager', async () => {
    const first = await createNoteAs(alice, 'first');
    const second = await createNoteAs(alice, 'second');
    entityManagersSeen.length = 0;
    await post(url, { query: readNote, variables: { id: first } }, callerHeader(alice));
    await post(url, { query: readNote, variables: { id: second } }, callerHeader(alice));

    expect(entityManagersSeen).toHaveLength(2);
    const [firstEm, secondEm] = entityManagersSeen;
    expect(secondEm).not.toBe(firstEm);
    expect(firstEm!.getUnitOfWork().getById(NoteEntity, Number(first))).toMatchObject({
      id: Number(first),
      ownerId: 'alice',
      text: 'first',
    });
    expect(secondEm!.getUnitOfWork().getById(NoteEntity, Number(first))).toBeUndefined();
  });

  it('refuses a batched request', async () => {
    const query = { query: readNote, variables: { id: '1' } };
    const { status, body } = await post(url, [query, query], callerHeader(alice));
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/batch/i);
  });

  it('keeps CSRF prevention on: a simple (non-JSON) POST is refused', async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', ...callerHeader(alice) },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(400);
  });

  it('logs one line per request with its id, operation, outcome, user and duration', async () => {
    await post(
      url,
      { query: readNote, variables: { id: '1' } },
      { ...callerHeader(alice), 'x-request-id': 'req-log-1' },
    );
    const lines = running.logLines.filter((line) => line.requestId === 'req-log-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      operationName: 'ReadNote',
      outcome: 'success',
      userId: 'alice',
      status: 200,
    });
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
  });

  it('serves /health and /metrics with the operations counted', async () => {
    const base = url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(
      /graphql_requests_total\{service="notes",operation="ReadNote",outcome="success"\} \d+/,
    );
    expect(metrics).toMatch(/graphql_requests_total\{[^}]*operation="ReadNote",outcome="denied"\}/);
    expect(metrics).toContain('graphql_request_duration_seconds_bucket');
    expect(metrics).toContain('process_cpu_user_seconds_total');
  });
});

describe('readiness and graceful stop', () => {
  let schema: SubgraphSchema;

  beforeAll(async () => {
    schema = await buildNotesSchema();
  });

  it('is ready while the database answers and every check passes, 503 otherwise', async () => {
    const running = await startNotesSubgraph(schema);
    const ready = `${running.server.url.replace(/\/graphql$/, '')}/ready`;
    try {
      expect((await fetch(ready)).status).toBe(200);

      let transportUp = false;
      running.server.addReadinessCheck('event transport', async () => {
        if (!transportUp) throw new Error('broker unreachable');
      });
      const failing = await fetch(ready);
      expect(failing.status).toBe(503);
      expect(await failing.json()).toMatchObject({
        ready: false,
        checks: { database: 'ok', 'event transport': 'broker unreachable' },
      });
      transportUp = true;
      expect((await fetch(ready)).status).toBe(200);

      await running.orm.close();
      const dbClosed = await fetch(ready);
      expect(dbClosed.status).toBe(503);
      const report = (await dbClosed.json()) as { checks: Record<string, string> };
      expect(report.checks.database).not.toBe('ok');
    } finally {
      await running.server.stop();
      await rm(running.dataDir, { recursive: true, force: true });
    }
  });

  it('finishes an in-flight request before it stops, and leaves the database to its opener', async () => {
    const running = await startNotesSubgraph(schema);
    let markStarted!: () => void;
    const started = new Promise<void>((resolve) => (markStarted = resolve));
    let answer!: () => void;
    slowPingGate = { started: markStarted, answer: new Promise((resolve) => (answer = resolve)) };
    const inFlight = post(
      running.server.url,
      { query: 'query SlowPing { slowPing }' },
      callerHeader(router),
    );
    await started;
    const stopping = running.server.stop();
    // The request answers only once stop() is under way: the listener has closed.
    await waitFor('stop() to close the listener', () =>
      fetch(running.server.url).then(
        () => false,
        () => true,
      ),
    );
    answer();

    const { status, body } = await inFlight;
    expect(status).toBe(200);
    expect(body).toEqual({ data: { slowPing: 'pong with 0 notes' } });
    await stopping;
    // Consumers, jobs and the outbox relay stop after the server, and still use it.
    expect(await running.orm.isConnected()).toBe(true);
    await expect(fetch(running.server.url)).rejects.toThrow();
    await running.orm.close();
    slowPingGate = undefined;
    await rm(running.dataDir, { recursive: true, force: true });
  });
});
