// The official MCP TypeScript SDK client against a server URL: lists tools, calls add, calls the streaming
// generate_numbers with a progress token, and, when the server has them, the tools that ask the client during the
// call (elicitation, sampling), answering them. Prints one JSON object with what it saw; exits non-zero on error.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CreateMessageRequestSchema, ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const url = new URL(process.argv[2]);
const client = new Client({ name: 'stateless-mcp-it', version: '1.0.0' },
  { capabilities: { elicitation: {}, sampling: {} } });
client.setRequestHandler(ElicitRequestSchema, async () => ({
  action: 'accept', content: { username: 'ada', email: 'ada@example.com' },
}));
client.setRequestHandler(CreateMessageRequestSchema, async (request) => ({
  role: 'assistant',
  content: { type: 'text', text: `model saw: ${request.params.messages[0].content.text}` },
  model: 'test-model',
  stopReason: 'endTurn',
}));
const transport = new StreamableHTTPClientTransport(url);
await client.connect(transport);

const tools = (await client.listTools()).tools.map((tool) => tool.name).sort();
const add = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
const progress = [];
const generated = await client.callTool(
  { name: 'generate_numbers', arguments: { count: 3, delay: 0.05 } },
  undefined,
  { onprogress: (p) => progress.push(p.progress) },
);
const seen = {
  sessionId: transport.sessionId ?? null,
  tools,
  add: add.structuredContent,
  generated: generated.structuredContent,
  progress,
};
if (tools.includes('test_elicitation')) {
  const elicited = await client.callTool({ name: 'test_elicitation', arguments: { message: 'Who are you?' } });
  seen.elicitation = elicited.content[0].text;
  const sampled = await client.callTool({ name: 'test_sampling', arguments: { prompt: 'What is 6 x 7?' } });
  seen.sampling = sampled.content[0].text;
}
await client.close();
console.log(JSON.stringify(seen));
