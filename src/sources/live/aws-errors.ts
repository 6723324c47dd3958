// AWS errors as the report shows them: the error code and message, never a credential.

/** Error codes that mean "this principal may not call this API": a permission left out, not a fault. */
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'NotAuthorized',
  'AuthorizationError',
]);

interface AwsErrorShape {
  name?: unknown;
  Code?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
}

function httpStatus(error: unknown): number | null {
  const shape = (error ?? {}) as AwsErrorShape;
  const status = shape.$metadata?.httpStatusCode ?? shape.$response?.statusCode;
  return typeof status === 'number' ? status : null;
}

export function errorCode(error: unknown): string {
  const shape = (error ?? {}) as AwsErrorShape;
  for (const candidate of [shape.Code, shape.code, shape.name]) {
    if (typeof candidate === 'string' && candidate && candidate !== 'Error') return candidate;
  }
  return 'Error';
}

export function isAccessDenied(error: unknown): boolean {
  return ACCESS_DENIED.has(errorCode(error));
}

/** `CertificateNotFound` (modelled as `CertificateNotFoundFault` in the SDK). */
export function isCertificateNotFound(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'CertificateNotFound' || code === 'CertificateNotFoundFault';
}

/** The filter or parameter the request used is not accepted (older API behaviour for `Filters`). */
export function isInvalidParameter(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'InvalidParameterValue' || code === 'InvalidParameterCombination' || code === 'InvalidParameter';
}

// Shapes that carry credentials or signatures in SDK, STS and HTTP messages.
const SECRET_PATTERNS: RegExp[] = [
  /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g,
  /(X-Amz-(?:Security-Token|Signature|Credential)=)[^&\s"']+/gi,
  /((?:Signature|Credential|SignedHeaders)=)[^,\s"']+/g,
  /((?:aws_secret_access_key|aws_session_token|secretAccessKey|sessionToken)["']?\s*[:=]\s*["']?)[^\s"',}]+/gi,
];

const ENV_SECRETS = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_SECURITY_TOKEN', 'AWS_ACCESS_KEY_ID'];
const MAX_MESSAGE = 500;

/** Removes anything that looks like a credential, and the credential values in the environment. */
export function redactSecrets(text: string, env: NodeJS.ProcessEnv = process.env): string {
  let out = text;
  for (const name of ENV_SECRETS) {
    const value = env[name];
    if (value && value.length >= 8) out = out.split(value).join('[redacted]');
  }
  for (const pattern of SECRET_PATTERNS) {
    out = out.replace(pattern, (_match, prefix?: unknown) => (typeof prefix === 'string' ? `${prefix}[redacted]` : '[redacted]'));
  }
  return out;
}

/** "AccessDenied: User … is not authorized to perform: rds:DescribeDBInstances", redacted and bounded. */
export function describeAwsError(error: unknown): string {
  const status = httpStatus(error);
  let code = errorCode(error);
  if (code === 'Error' && status !== null) code = `HTTP ${status}`;
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // An HTTP error whose body the SDK could not parse came from something other than AWS's API
  // (an endpoint that lacks the API, a proxy's HTML page): the parser's complaint says nothing useful.
  if (code.startsWith('HTTP ') && /XML parse error|Deserialization error|not valid JSON|Unexpected token/i.test(raw)) {
    return `${code}: the endpoint's answer is not an AWS API response (an endpoint without this API, or a proxy in the way)`;
  }
  // The SDK's advice to developers ("inspect the hidden field {error}.$response") means nothing to users.
  const cleaned = raw.replace(/\s*Deserialization error: to see the raw response.*$/s, '').replace(/\s+/g, ' ').trim();
  const message = redactSecrets(cleaned);
  const text = message && message !== code ? `${code}: ${message}` : code;
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
}
