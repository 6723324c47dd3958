// A local stand-in for GitHub's REST issue-comment endpoints (and the GraphQL `viewer` query),
// on 127.0.0.1: pagination with Link headers, create, update, the 65,536-character body limit,
// token checks, and failures on demand. It records every request for the tests to inspect.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  login: string;
  type: 'Bot' | 'User';
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  body: unknown;
}

export interface Failure {
  method: string;
  /** Matched against the path (no query). */
  path: RegExp;
  status: number;
  message: string;
  /** How many requests to fail; default all. */
  times?: number;
}

export interface FakeGitHubOptions {
  owner: string;
  repo: string;
  token: string;
  /** The login of the token's comments (`github-actions[bot]` for GITHUB_TOKEN). */
  login: string;
  /** Whether GraphQL `viewer` answers (false: like a GitHub that refuses it). */
  viewer?: boolean;
}

/** GitHub's limit on a comment body, in characters. */
const BODY_LIMIT = 65_536;
const MAX_PER_PAGE = 100;

export class FakeGitHub {
  readonly comments: StoredComment[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly failures: Failure[] = [];
  private server: Server | null = null;
  private nextId = 1_000;

  constructor(readonly options: FakeGitHubOptions) {}

  get url(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('fake GitHub is not listening');
    return `http://127.0.0.1:${address.port}`;
  }

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => this.send(response, 500, { message: String(error) }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve, reject) => this.server?.close((error) => (error ? reject(error) : resolve())) ?? resolve());
  }

  addComment(issue: number, body: string, login: string, type: StoredComment['type'] = 'User'): StoredComment {
    const comment = { id: this.nextId++, issue, body, login, type };
    this.comments.push(comment);
    return comment;
  }

  commentsOn(issue: number): StoredComment[] {
    return this.comments.filter((comment) => comment.issue === issue);
  }

  writes(): RecordedRequest[] {
    return this.requests.filter((request) => request.method === 'POST' || request.method === 'PATCH').filter((request) => request.path !== '/graphql');
  }

  private send(response: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}): void {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(data));
  }

  private restComment(comment: StoredComment) {
    const { owner, repo } = this.options;
    return {
      id: comment.id,
      node_id: `IC_${comment.id}`,
      url: `${this.url}/repos/${owner}/${repo}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${owner}/${repo}/pull/${comment.issue}#issuecomment-${comment.id}`,
      issue_url: `${this.url}/repos/${owner}/${repo}/issues/${comment.issue}`,
      body: comment.body,
      user: { login: comment.login, id: comment.login.length, type: comment.type },
      author_association: comment.type === 'Bot' ? 'NONE' : 'MEMBER',
      created_at: '2026-11-20T10:00:00Z',
      updated_at: '2026-11-20T10:00:00Z',
    };
  }

  private failure(method: string, path: string): Failure | null {
    const failure = this.failures.find((f) => f.method === method && f.path.test(path) && (f.times ?? 1) > 0);
    if (!failure) return null;
    if (failure.times !== undefined) failure.times--;
    return failure;
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    const method = request.method ?? 'GET';
    const authorization = request.headers.authorization ?? null;
    this.requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), authorization, body });

    if (authorization !== `token ${this.options.token}`) return this.send(response, 401, { message: 'Bad credentials' });
    const failure = this.failure(method, url.pathname);
    if (failure) return this.send(response, failure.status, { message: failure.message, documentation_url: 'https://docs.github.com/rest' });

    if (method === 'POST' && url.pathname === '/graphql') {
      if (this.options.viewer === false) return this.send(response, 200, { data: null, errors: [{ message: 'Resource not accessible by integration' }] });
      return this.send(response, 200, { data: { viewer: { login: this.options.login } } });
    }

    const { owner, repo } = this.options;
    const list = new RegExp(`^/repos/${owner}/${repo}/issues/(\\d+)/comments$`).exec(url.pathname);
    const one = new RegExp(`^/repos/${owner}/${repo}/issues/comments/(\\d+)$`).exec(url.pathname);
    if (list && method === 'GET') return this.listComments(response, url, Number(list[1]));
    if (list && method === 'POST') {
      const text = String(body?.body ?? '');
      if ([...text].length > BODY_LIMIT) return this.tooLong(response);
      const created = this.addComment(Number(list[1]), text, this.options.login, this.options.login.endsWith('[bot]') ? 'Bot' : 'User');
      return this.send(response, 201, this.restComment(created), { location: this.restComment(created).url });
    }
    if (one && method === 'PATCH') {
      const comment = this.comments.find((c) => c.id === Number(one[1]));
      if (!comment) return this.send(response, 404, { message: 'Not Found' });
      // Only the author (or an admin, which a workflow token is not) may edit a comment.
      if (comment.login !== this.options.login) return this.send(response, 403, { message: 'Resource not accessible by integration' });
      const text = String(body?.body ?? '');
      if ([...text].length > BODY_LIMIT) return this.tooLong(response);
      comment.body = text;
      return this.send(response, 200, this.restComment(comment));
    }
    return this.send(response, 404, { message: 'Not Found' });
  }

  private tooLong(response: ServerResponse): void {
    this.send(response, 422, {
      message: 'Validation Failed',
      errors: [{ resource: 'IssueComment', code: 'unprocessable', field: 'data', message: `Body is too long (maximum is ${BODY_LIMIT} characters)` }],
    });
  }

  private listComments(response: ServerResponse, url: URL, issue: number): void {
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(url.searchParams.get('per_page') ?? 30)));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const all = this.commentsOn(issue);
    const last = Math.max(1, Math.ceil(all.length / perPage));
    const link = (n: number, rel: string) => {
      const next = new URL(url);
      next.searchParams.set('per_page', String(perPage));
      next.searchParams.set('page', String(n));
      return `<${next.href}>; rel="${rel}"`;
    };
    const links = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    const data = all.slice((page - 1) * perPage, page * perPage).map((comment) => this.restComment(comment));
    this.send(response, 200, data, links.length ? { link: links.join(', ') } : {});
  }
}
