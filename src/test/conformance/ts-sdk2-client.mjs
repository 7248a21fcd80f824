// Drives the official MCP TypeScript SDK v2 client (@modelcontextprotocol/client 2.4.0) against a
// stateless MCP server pinned to protocol 2026-07-28, to check interoperability: list tools, call add,
// stream progress from generate_numbers, and answer greet's elicitation via multi round-trip (MRTR).
// Usage: node ts-sdk2-client.mjs <url> [<second-url>]   — prints one JSON line; exits non-zero on any error.
// With a second URL, consecutive requests alternate between the two servers, as behind a round-robin balancer.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const PROTOCOL = '2026-07-28';
const url = process.argv[2];
const alternate = process.argv[3];
if (!url) {
    console.error('usage: node ts-sdk2-client.mjs <url>');
    process.exit(2);
}

// Wire log: wrap fetch so every request the SDK sends is recorded (headers + JSON-RPC method).
const wire = { protocolVersions: [], methods: [], requests: [], visits: [] };
let sent = 0;
const addDistinct = (list, v) => { if (v !== undefined && v !== null && !list.includes(v)) list.push(v); };
async function loggingFetch(input, init = {}) {
    const headers = new Headers(init.headers ?? (input instanceof Request ? input.headers : undefined));
    const verb = init.method ?? (input instanceof Request ? input.method : 'GET');
    const entry = { verb, protocolVersion: headers.get('mcp-protocol-version'), mcpMethod: headers.get('mcp-method'), mcpName: headers.get('mcp-name') };
    addDistinct(wire.protocolVersions, entry.protocolVersion);
    if (typeof init.body === 'string') {
        try {
            const msgs = [].concat(JSON.parse(init.body));
            for (const m of msgs) {
                if (m.method) addDistinct(wire.methods, m.method);
                entry.jsonrpc = msgs.map(x => x.method ?? `response:${x.id}`);
                if (m.params?.inputResponses) entry.inputResponses = m.params.inputResponses;
                if (m.params?.requestState !== undefined) entry.hasRequestState = true;
            }
        } catch { /* non-JSON body */ }
    }
    // every other request goes to the second server, whatever the SDK addressed
    const target = alternate && sent++ % 2 === 1 ? alternate : url;
    entry.port = Number(new URL(target).port);
    wire.visits.push(entry.port);
    const res = await fetch(target, init);
    entry.status = res.status;
    entry.contentType = res.headers.get('content-type');
    wire.requests.push(entry);
    if (process.env.WIRE_DEBUG) console.error('[wire]', JSON.stringify(entry));
    return res;
}

const client = new Client(
    { name: 'ts-sdk2-client', version: '1.0.0' },
    {
        // Declaring the capability makes the SDK put it in _meta clientCapabilities on every request.
        capabilities: { elicitation: { form: {} } },
        // Opt into the modern era at exactly 2026-07-28: connect() sends server/discover (no initialize)
        // and fails loudly if the server does not offer that revision.
        versionNegotiation: { mode: { pin: PROTOCOL } },
        // MRTR: input_required results are fulfilled through the registered handlers (default true).
        inputRequired: { autoFulfill: true, maxRounds: 5 }
    }
);

// Anything the SDK reports out-of-band (dropped messages, validation problems) is surfaced in the output.
const sdkErrors = [];
client.onerror = err => sdkErrors.push(String(err?.message ?? err));

const elicitations = [];
client.setRequestHandler('elicitation/create', async request => {
    elicitations.push(request.params);
    return { action: 'accept', content: { name: 'Ada' } };
});

const transport = new StreamableHTTPClientTransport(new URL(url), { fetch: loggingFetch });

const out = { sdk: '@modelcontextprotocol/client@2.4.0', missing: [] };
let exitCode = 0;
try {
    await client.connect(transport);
    out.negotiatedProtocolVersion = transport.protocolVersion ?? null;

    // 1. tools/list
    const { tools } = await client.listTools();
    out.tools = tools.map(t => t.name).sort();

    // 2. add
    const add = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    out.add = add.structuredContent ?? null;

    // 3. generate_numbers with progress (onprogress makes the SDK set _meta.progressToken)
    const progress = [];
    const gen = await client.callTool(
        { name: 'generate_numbers', arguments: { count: 3, delay: 0.05 } },
        { onprogress: p => progress.push(p.progress) }
    );
    out.generated = gen.structuredContent ?? gen.content ?? null;
    out.progress = progress;

    // 4. greet: server answers input_required (elicitation/create); SDK calls our handler and retries.
    const greet = await client.callTool({ name: 'greet', arguments: {} });
    out.greet = greet.content?.find(c => c.type === 'text')?.text ?? null;
    out.elicitationRequests = elicitations.length;

    if (out.greet !== 'Hello, Ada!') { out.missing.push('greet did not return "Hello, Ada!" (MRTR answer not applied)'); exitCode = 1; }
    if (!(JSON.stringify(out.add) === JSON.stringify({ result: 5 }))) { out.missing.push('add structuredContent != {result:5}'); exitCode = 1; }
    if (JSON.stringify(progress) !== JSON.stringify([1, 2, 3])) { out.missing.push('progress != [1,2,3]'); exitCode = 1; }
} catch (err) {
    exitCode = 1;
    out.error = { name: err?.name, code: err?.code, message: err?.message, data: err?.data };
} finally {
    try { await client.close(); } catch { /* ignore */ }
}

if (sdkErrors.length) exitCode = 1;
if (wire.methods.includes('initialize')) { out.missing.push('initialize was sent'); exitCode = 1; }
if (wire.protocolVersions.length !== 1 || wire.protocolVersions[0] !== PROTOCOL) {
    out.missing.push(`MCP-Protocol-Version headers were ${JSON.stringify(wire.protocolVersions)}`);
    exitCode = 1;
}
const result = {
    protocolVersions: wire.protocolVersions,
    methods: wire.methods,
    tools: out.tools,
    add: out.add,
    generated: out.generated,
    progress: out.progress,
    greet: out.greet,
    ...(out.missing.length ? { missing: out.missing } : {}),
    ...(out.error ? { error: out.error } : {}),
    ...(sdkErrors.length ? { sdkErrors } : {}),
    visits: wire.visits,
    httpRequests: wire.requests.map(r => `${r.verb} ${r.mcpMethod ?? '-'}${r.mcpName ? '(' + r.mcpName + ')' : ''}${r.inputResponses ? '+inputResponses' : ''} :${r.port} -> ${r.status} ${(r.contentType ?? '').split(';')[0]}`)
};
console.log(JSON.stringify(result));
process.exit(exitCode);
