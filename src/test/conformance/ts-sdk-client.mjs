// The official MCP TypeScript SDK client against a server URL: lists tools, calls add, and calls the streaming
// generate_numbers with a progress token. Prints one JSON object with what it saw; exits non-zero on any error.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const url = new URL(process.argv[2]);
const client = new Client({ name: 'stateless-mcp-it', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(url));

const tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
const add = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
const progress = [];
const generated = await client.callTool(
  { name: 'generate_numbers', arguments: { count: 3, delay: 0.05 } },
  undefined,
  { onprogress: (p) => progress.push(p.progress) },
);
await client.close();
console.log(JSON.stringify({
  sessionId: client.transport?.sessionId ?? null,
  tools,
  add: add.structuredContent,
  generated: generated.structuredContent,
  progress,
}));
