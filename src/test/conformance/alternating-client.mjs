// The official MCP TypeScript SDK client whose consecutive HTTP requests alternate between two servers, as behind a
// round-robin load balancer without affinity. When the servers have test_elicitation, the client answers its
// question, and that answer, a separate POST, goes to the other server. Prints one JSON object with what it saw
// and where each request went.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const servers = process.argv.slice(2).map((url) => new URL(url));
const visits = [];
const requests = [];
let next = 0;
const alternate = (input, init) => {
  const target = servers[next++ % servers.length];
  visits.push(Number(target.port));
  let what = init?.method ?? 'GET';
  try {
    const message = JSON.parse(init.body);
    what = message.method ?? `answer:${message.id}`;
  } catch { /* no JSON body */ }
  requests.push(`${what} :${target.port}`);
  return fetch(target, init);
};

const client = new Client({ name: 'stateless-mcp-alternating', version: '1.0.0' },
  { capabilities: { elicitation: {} } });
client.setRequestHandler(ElicitRequestSchema, async () => ({
  action: 'accept', content: { username: 'grace', email: 'grace@example.com' },
}));
await client.connect(new StreamableHTTPClientTransport(servers[0], { fetch: alternate }));
const tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
const add = await client.callTool({ name: 'add', arguments: { a: 20, b: 22 } });
const progress = [];
const generated = await client.callTool(
  { name: 'generate_numbers', arguments: { count: 3, delay: 0.05 } },
  undefined,
  { onprogress: (p) => progress.push(p.progress) },
);
let elicitation;
if (tools.includes('test_elicitation')) {
  const elicited = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who are you?' } });
  elicitation = elicited.content[0].text;
}
await client.ping();
await client.close();
console.log(JSON.stringify({
  tools,
  add: add.structuredContent,
  generated: generated.structuredContent,
  progress,
  elicitation,
  visits,
  requests,
}));
