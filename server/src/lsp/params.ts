// The shape of a request's parameters, checked before its handler runs. A request whose parameters
// are not what the protocol defines is answered with InvalidParams (-32602 in JSON-RPC 2.0), so the
// client learns that its request was wrong instead of receiving an empty answer it cannot tell from
// "nothing here"; only what the handlers read is checked.

/** The parameters a handler reads, each checked as the LSP specification types it. */
export type ParamField = 'textDocument' | 'position' | 'range' | 'codeActionContext' | 'query';

/** LSP's `uinteger`: 0 to 2^31 - 1. */
const MAX_UINTEGER = 2 ** 31 - 1;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isUinteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINTEGER;
const isPosition = (value: unknown): boolean => isRecord(value) && isUinteger(value.line) && isUinteger(value.character);

const FIELDS: Record<ParamField, { readonly name: string; readonly is: (value: unknown) => boolean; readonly expected: string }> = {
  textDocument: { name: 'textDocument', is: (v) => isRecord(v) && typeof v.uri === 'string', expected: 'a TextDocumentIdentifier with a string uri' },
  position: { name: 'position', is: isPosition, expected: 'a Position of two uintegers' },
  range: { name: 'range', is: (v) => isRecord(v) && isPosition(v.start) && isPosition(v.end), expected: 'a Range of two Positions' },
  codeActionContext: { name: 'context', is: (v) => isRecord(v) && Array.isArray(v.diagnostics), expected: 'a CodeActionContext with diagnostics' },
  query: { name: 'query', is: (v) => typeof v === 'string', expected: 'a string' },
};

/** What is wrong with `params` for a request whose handler reads `fields`, or undefined when nothing is. */
export function paramsProblem(params: unknown, fields: readonly ParamField[]): string | undefined {
  if (fields.length === 0) return undefined;
  if (!isRecord(params)) return 'the parameters are not an object';
  for (const field of fields) {
    const { name, is, expected } = FIELDS[field];
    if (!is(params[name])) return `${name} is not ${expected}`;
  }
  return undefined;
}
