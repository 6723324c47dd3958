// The few GitHub calls the sticky comment makes, behind an interface the comment logic is tested
// through. REST for comments (paginated), one GraphQL query for the token's own login.
import type { getOctokit } from '@actions/github';

export interface IssueComment {
  id: number;
  body: string;
  /** The author's login (`github-actions[bot]` for GITHUB_TOKEN); null for a deleted user. */
  login: string | null;
}

export interface CommentsApi {
  /** The login comments made with this token carry. */
  tokenLogin(): Promise<string>;
  /** Every comment on the issue or pull request, page by page, oldest first. */
  listComments(issue: number): AsyncIterable<IssueComment[]>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<void>;
}

type Octokit = ReturnType<typeof getOctokit>;

/**
 * The login GITHUB_TOKEN's comments are authored by. Used only when GitHub does not say: the
 * GraphQL `viewer` answers for user tokens and installation tokens alike (REST `GET /user` is 403
 * "Resource not accessible by integration" for installation tokens, and `GET /app` needs the
 * app's JWT), and names the bot as REST shows it in `user.login`, `github-actions[bot]`.
 */
export const GITHUB_TOKEN_LOGIN = 'github-actions[bot]';

/** REST `per_page` maximum for issue comments. */
const PAGE_SIZE = 100;

interface RestComment {
  id: number;
  body?: string | null;
  user?: { login?: string | null } | null;
}

function toComment(comment: RestComment): IssueComment {
  return { id: comment.id, body: comment.body ?? '', login: comment.user?.login ?? null };
}

export function octokitCommentsApi(octokit: Octokit, owner: string, repo: string, debug: (message: string) => void): CommentsApi {
  return {
    async tokenLogin() {
      try {
        const data = await octokit.graphql<{ viewer?: { login?: string } }>('query { viewer { login } }');
        if (data.viewer?.login) return data.viewer.login;
      } catch (error) {
        debug(`GraphQL viewer query failed (${error instanceof Error ? error.message : String(error)}); assuming ${GITHUB_TOKEN_LOGIN}`);
      }
      return GITHUB_TOKEN_LOGIN;
    },
    async *listComments(issue) {
      const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: issue, per_page: PAGE_SIZE });
      for await (const page of pages) yield (page.data as RestComment[]).map(toComment);
    },
    async createComment(issue, body) {
      const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number: issue, body });
      return toComment(data as RestComment);
    },
    async updateComment(id, body) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body });
    },
  };
}
