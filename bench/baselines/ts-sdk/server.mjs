// The MCP TypeScript SDK's stateless Streamable HTTP server, serving the same add tool with JSON responses: a
// baseline for bench/compare.sh. Run with the Node and SDK that src/test/conformance installs:
//   NODE_PATH=src/test/conformance/node_modules src/test/conformance/node_modules/.bin/node bench/baselines/ts-sdk/server.mjs <port>
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

// resolve the SDK from the conformance directory's node_modules, wherever this script runs from
const require = createRequire(path.resolve(process.cwd(), 'src/test/conformance/package.json'));
const { McpServer } = await import(require.resolve('@modelcontextprotocol/sdk/server/mcp.js'));
const { StreamableHTTPServerTransport } = await import(require.resolve('@modelcontextprotocol/sdk/server/streamableHttp.js'));
const { z } = await import(require.resolve('zod'));

const port = Number(process.argv[2] ?? 18090);

function newServer() {
  const server = new McpServer({ name: 'ts-sdk-baseline', version: '1' });
  server.registerTool('add', {
    description: 'Adds two integers',
    inputSchema: { a: z.number().int(), b: z.number().int() },
    outputSchema: { result: z.number().int() },
  }, async ({ a, b }) => ({
    content: [{ type: 'text', text: JSON.stringify({ result: a + b }) }],
    structuredContent: { result: a + b },
  }));
  return server;
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', async () => {
    // stateless, as the SDK documents it: a server and transport per request
    const server = newServer();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => { transport.close(); server.close(); });
    await server.connect(transport);
    await transport.handleRequest(req, res, JSON.parse(Buffer.concat(chunks).toString('utf8')));
  });
}).listen(port, '127.0.0.1', () => console.log(`ts-sdk baseline listening on 127.0.0.1:${port}`));
