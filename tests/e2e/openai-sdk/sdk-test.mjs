// Drives the Batchdesk sandbox with the official openai npm SDK and checks every object it returns.
// Usage: BATCHDESK_SANDBOX_URL=http://127.0.0.1:PORT/v1 BATCHDESK_SANDBOX_KEY=test node sdk-test.mjs
import assert from 'node:assert/strict';
import OpenAI, { toFile } from 'openai';

const baseURL = process.env.BATCHDESK_SANDBOX_URL;
const apiKey = process.env.BATCHDESK_SANDBOX_KEY ?? 'test';
if (!baseURL) {
  console.error('BATCHDESK_SANDBOX_URL is not set');
  process.exit(2);
}
const client = new OpenAI({ baseURL, apiKey, timeout: 30_000 });

const STATUSES = ['validating', 'failed', 'in_progress', 'finalizing', 'completed', 'expired', 'cancelling', 'cancelled'];
const TERMINAL = new Set(['failed', 'completed', 'expired', 'cancelled']);

const isInt = (v) => Number.isInteger(v);
const intOrNull = (v, name) => assert.ok(v === null || isInt(v), `${name} must be an integer or null, got ${v}`);
const strOrNull = (v, name) => assert.ok(v === null || typeof v === 'string', `${name} must be a string or null`);

function checkFile(f, purpose) {
  assert.equal(typeof f.id, 'string');
  assert.equal(f.object, 'file');
  assert.ok(isInt(f.bytes) && f.bytes >= 0, 'bytes');
  assert.ok(isInt(f.created_at), 'created_at');
  intOrNull(f.expires_at, 'expires_at');
  assert.equal(typeof f.filename, 'string');
  if (purpose) assert.equal(f.purpose, purpose);
  else assert.ok(['batch', 'batch_output'].includes(f.purpose), `purpose ${f.purpose}`);
}

function checkBatch(b) {
  assert.equal(typeof b.id, 'string');
  assert.equal(b.object, 'batch');
  assert.equal(typeof b.endpoint, 'string');
  strOrNull(b.model, 'model');
  assert.equal(typeof b.input_file_id, 'string');
  assert.equal(b.completion_window, '24h');
  assert.ok(STATUSES.includes(b.status), `status ${b.status}`);
  strOrNull(b.output_file_id, 'output_file_id');
  strOrNull(b.error_file_id, 'error_file_id');
  assert.ok(isInt(b.created_at), 'created_at');
  for (const key of ['in_progress_at', 'expires_at', 'finalizing_at', 'completed_at', 'failed_at', 'expired_at',
    'cancelling_at', 'cancelled_at']) {
    assert.ok(key in b, `${key} present`);
    intOrNull(b[key], key);
  }
  assert.equal(b.expires_at, b.created_at + 86400);
  const c = b.request_counts;
  assert.ok(isInt(c.total) && isInt(c.completed) && isInt(c.failed), 'request_counts');
  assert.ok(c.completed + c.failed <= c.total, 'counts add up');
  const u = b.usage;
  assert.ok(isInt(u.input_tokens) && isInt(u.output_tokens) && isInt(u.total_tokens), 'usage');
  assert.ok(isInt(u.input_tokens_details.cached_tokens) && isInt(u.output_tokens_details.reasoning_tokens));
  assert.equal(u.total_tokens, u.input_tokens + u.output_tokens);
  assert.ok(b.metadata === null || typeof b.metadata === 'object', 'metadata');
  if (b.errors !== null) {
    assert.equal(b.errors.object, 'list');
    assert.ok(Array.isArray(b.errors.data));
  }
  if (b.status === 'completed') assert.ok(isInt(b.completed_at) && isInt(b.in_progress_at) && isInt(b.finalizing_at));
  if (b.status === 'cancelled') assert.ok(isInt(b.cancelling_at) && isInt(b.cancelled_at));
}

function chatLine(customId, text) {
  return JSON.stringify({
    custom_id: customId, method: 'POST', url: '/v1/chat/completions',
    body: { model: 'sandbox/echo', messages: [{ role: 'user', content: text }], max_tokens: 50 },
  }) + '\n';
}

async function upload(lines, name = 'input.jsonl') {
  const file = await client.files.create({ file: await toFile(Buffer.from(lines.join('')), name), purpose: 'batch' });
  checkFile(file, 'batch');
  assert.equal(file.filename, name);
  return file;
}

async function create(fileId, metadata) {
  const batch = await client.batches.create({
    input_file_id: fileId, endpoint: '/v1/chat/completions', completion_window: '24h', metadata,
  });
  checkBatch(batch);
  assert.equal(batch.input_file_id, fileId);
  assert.deepEqual(batch.metadata, metadata);
  return batch;
}

async function poll(id, timeoutMs = 30_000) {
  const start = Date.now();
  for (;;) {
    const b = await client.batches.retrieve(id);
    checkBatch(b);
    if (TERMINAL.has(b.status)) return b;
    assert.ok(Date.now() - start < timeoutMs, `batch ${id} still ${b.status}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function parseLines(text) {
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
}

async function main() {
  // Models
  const models = [];
  for await (const m of client.models.list()) models.push(m.id);
  assert.ok(models.includes('sandbox/echo') && models.includes('sandbox/embed'), `models ${models}`);

  // Upload → create → poll → download
  const lines = ['alpha beta', 'gamma', 'delta epsilon zeta', 'broken [[fail]]'].map((t, i) => chatLine(`r${i}`, t));
  const input = await upload(lines);
  checkFile(await client.files.retrieve(input.id), 'batch');
  assert.equal((await (await client.files.content(input.id)).text()), lines.join(''));
  const created = await create(input.id, { suite: 'sdk', step: 'lifecycle' });
  assert.equal(created.status, 'validating');
  const done = await poll(created.id);
  assert.equal(done.status, 'completed');
  assert.equal(done.model, 'sandbox/echo');
  assert.deepEqual(done.request_counts, { total: 4, completed: 3, failed: 1 });
  assert.ok(done.usage.input_tokens > 0 && done.usage.output_tokens > 0);

  const outFile = await client.files.retrieve(done.output_file_id);
  checkFile(outFile, 'batch_output');
  const output = parseLines(await (await client.files.content(done.output_file_id)).text());
  assert.equal(output.length, 3);
  for (const line of output) {
    assert.ok(line.id.startsWith('batch_req_'));
    assert.equal(line.error, null);
    assert.equal(line.response.status_code, 200);
    assert.equal(typeof line.response.request_id, 'string');
    const body = line.response.body;
    assert.equal(body.object, 'chat.completion');
    assert.equal(body.choices[0].message.role, 'assistant');
    const expected = ['alpha beta', 'gamma', 'delta epsilon zeta'][Number(line.custom_id.slice(1))];
    assert.equal(body.choices[0].message.content, expected);
    assert.equal(body.usage.total_tokens, body.usage.prompt_tokens + body.usage.completion_tokens);
  }
  const errors = parseLines(await (await client.files.content(done.error_file_id)).text());
  assert.equal(errors.length, 1);
  assert.equal(errors[0].custom_id, 'r3');
  assert.equal(errors[0].response.status_code, 500);
  assert.equal(typeof errors[0].response.body.error.message, 'string');

  // List pages: four more batches, walked two at a time.
  const ids = [created.id];
  for (let i = 0; i < 4; i++) {
    const f = await upload([chatLine(`p${i}`, `page ${i}`)]);
    ids.push((await create(f.id, { suite: 'sdk', step: `page-${i}` })).id);
  }
  let page = await client.batches.list({ limit: 2 });
  let pages = 1;
  while (page.hasNextPage()) {
    page = await page.getNextPage();
    pages++;
  }
  assert.ok(pages >= 3, `pages ${pages}`);
  const listed = [];
  for await (const b of client.batches.list({ limit: 2 })) {
    checkBatch(b);
    listed.push(b.id);
  }
  assert.equal(new Set(listed).size, listed.length, 'no duplicates across pages');
  assert.deepEqual(listed.slice(0, ids.length), [...ids].reverse(), "newest first");
  const files = [];
  for await (const f of client.files.list({ limit: 2, purpose: 'batch' })) {
    checkFile(f, 'batch');
    files.push(f.id);
  }
  assert.ok(files.length >= 4 && new Set(files).size === files.length);

  // Cancel a long batch right away.
  const many = [];
  for (let i = 0; i < 2000; i++) many.push(chatLine(`c${i}`, `line ${i}`));
  const big = await upload(many, 'big.jsonl');
  const toCancel = await create(big.id, { suite: 'sdk', step: 'cancel' });
  const cancelling = await client.batches.cancel(toCancel.id);
  checkBatch(cancelling);
  assert.ok(['cancelling', 'cancelled'].includes(cancelling.status), cancelling.status);
  const cancelled = await poll(toCancel.id);
  assert.equal(cancelled.status, 'cancelled');
  assert.ok(cancelled.request_counts.completed < 2000);

  // Errors come back as the SDK's typed exceptions.
  await assert.rejects(client.batches.retrieve('batch_does_not_exist'), (e) => e instanceof OpenAI.NotFoundError && e.status === 404);
  const wrongKey = new OpenAI({ baseURL, apiKey: 'wrong', maxRetries: 0 });
  await assert.rejects(wrongKey.batches.list(), (e) => e instanceof OpenAI.AuthenticationError && e.code === 'invalid_api_key');
  await assert.rejects(client.batches.create({ input_file_id: input.id, endpoint: '/v1/chat/completions', completion_window: '48h' }),
    (e) => e instanceof OpenAI.BadRequestError && e.param === 'completion_window');

  // Delete
  const deleted = await client.files.delete(input.id);
  assert.deepEqual(deleted, { id: input.id, object: 'file', deleted: true });
  await assert.rejects(client.files.retrieve(input.id), (e) => e instanceof OpenAI.NotFoundError);

  console.log(`openai SDK e2e: OK (${listed.length} batches over ${pages} pages of 2)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
