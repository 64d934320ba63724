// A human-readable page of the API, rendered from the OpenAPI document
// (no external scripts: the product must work offline).
interface Operation {
  summary?: string;
  'x-access'?: unknown;
  requestBody?: unknown;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function docsPage(openApi: Record<string, unknown>): string {
  const paths = openApi.paths as Record<string, Record<string, Operation>>;
  const rows = Object.entries(paths).flatMap(([path, operations]) =>
    Object.entries(operations).map(([method, op]) => {
      const access = Array.isArray(op['x-access']) ? (op['x-access'] as string[]).join(', ') : String(op['x-access']);
      return `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary ?? '')}</td><td>${escapeHtml(access)}</td></tr>`;
    }),
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>科普汇 API</title><style>body{font-family:sans-serif;margin:1.5rem;color:#1a1a1a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}code{font-size:.9em}</style></head>
<body><h1>科普汇 Kepu API v1</h1><p>机器可读的完整文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>（OpenAPI 3.1，由校验请求的同一套 schema 生成）。错误统一为 <code>{"error":{"code","message","details"}}</code>。</p>
<table><thead><tr><th>方法</th><th>路径</th><th>说明</th><th>谁可以调用</th></tr></thead><tbody>${rows.join('')}</tbody></table></body></html>`;
}
