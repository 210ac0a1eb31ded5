import { Liquid, LiquidError, RenderError, type FS, type Template, type Variable } from 'liquidjs';
import { MAX_TEMPLATE_BODY } from './templateSchema';
import { isKnownVariable, type TemplateValues } from './variables';

/** What went wrong with a template, and on which line of its body when liquidjs can tell. */
export type TemplateProblem = {
  /** syntax: it does not parse; include: it asks for another file; limit: too big or too slow; render: it failed while rendering. */
  kind: 'syntax' | 'include' | 'limit' | 'render';
  message: string;
  line: number | null;
};

/** A variable the template reads, where it reads it, and whether Pieuvre knows it. */
export type VariableUse = { path: string; line: number; column: number; isKnown: boolean };

export type TemplateCheck = { problem: TemplateProblem | null; variables: VariableUse[]; unknownVariables: string[] };

/** Never an exception: a template that cannot render gives no text and says why. */
export type RenderResult = { text: string; problem: TemplateProblem | null; unknownVariables: string[] };

/** A rendered reply longer than this is a runaway loop, not a reply. */
const MAX_RENDERED_LENGTH = 20_000;

class IncludeRefused extends Error {
  override name = 'IncludeRefused';
}

const refuse = (file: string): never => {
  throw new IncludeRefused(`Templates cannot read other files (${file}).`);
};

/** The file system liquidjs would read partials and layouts from: here, none at all. */
const NO_FILES: FS = {
  exists: () => Promise.resolve(false),
  existsSync: () => false,
  readFile: (file) => Promise.resolve(refuse(file)),
  readFileSync: refuse,
  resolve: (_dir, file) => file,
  contains: () => Promise.resolve(false),
  containsSync: () => false,
};

let engine: Liquid | null = null;

/**
 * One Liquid for every template, built on first use. Templates are the workspace's own text,
 * but they also come from imported files: they may not read files (include, render and layout
 * are refused when parsed, and the file system they would use has nothing), may not reach
 * inherited properties, may not call unknown filters, and are bounded in size, time and memory.
 */
function liquid(): Liquid {
  if (engine) return engine;
  engine = new Liquid({
    fs: NO_FILES,
    relativeReference: false,
    dynamicPartials: false,
    ownPropertyOnly: true,
    strictFilters: true,
    strictVariables: false,
    parseLimit: MAX_TEMPLATE_BODY * 2,
    renderLimit: 250,
    memoryLimit: 1_000_000,
  });
  for (const tag of ['include', 'render', 'layout']) {
    engine.registerTag(tag, { parse: () => refuse(tag), render: () => '' });
  }
  return engine;
}

function problemOf(error: unknown): TemplateProblem {
  const isLiquid = LiquidError.is(error);
  const original: unknown = isLiquid ? (error.originalError ?? error) : error;
  const message = (original instanceof Error ? original.message : String(original)).replace(/, line:\d+, col:\d+$/u, '');
  const line = isLiquid ? (error.token.getPosition()[0] ?? null) : null;
  let kind: TemplateProblem['kind'] = 'syntax';
  if (original instanceof IncludeRefused) kind = 'include';
  else if (/limit exceeded/u.test(message)) kind = 'limit';
  else if (RenderError.is(error)) kind = 'render';
  return { kind, message, line };
}

/** "contact.first_name"; a segment computed from another variable (`contact[x]`) cannot be checked. */
function pathOf(variable: Variable): { path: string; isDynamic: boolean } {
  const isDynamic = variable.segments.some((segment) => typeof segment === 'object');
  return { path: variable.segments.map(String).join('.'), isDynamic };
}

function variablesOf(parsed: Template[]): VariableUse[] {
  const { globals } = liquid().analyzeSync(parsed, { partials: false });
  return Object.values(globals)
    .flat()
    .map((variable) => {
      const { path, isDynamic } = pathOf(variable);
      return { path, line: variable.location.row, column: variable.location.col, isKnown: !isDynamic && isKnownVariable(path) };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

const unknownPaths = (uses: readonly VariableUse[]): string[] => [...new Set(uses.filter((use) => !use.isKnown).map((use) => use.path))];

function parse(body: string): { parsed: Template[]; problem: null } | { parsed: null; problem: TemplateProblem } {
  try {
    return { parsed: liquid().parse(body), problem: null };
  } catch (error) {
    return { parsed: null, problem: problemOf(error) };
  }
}

/** Parses and analyses a body without rendering it: what the editor flags as the person types. */
export function checkTemplate(body: string): TemplateCheck {
  const { parsed, problem } = parse(body);
  if (!parsed) return { problem, variables: [], unknownVariables: [] };
  const variables = variablesOf(parsed);
  return { problem: null, variables, unknownVariables: unknownPaths(variables) };
}

/** Renders a body with a conversation's values. Unknown variables render empty and are reported. */
export function renderTemplate(body: string, values: TemplateValues): RenderResult {
  const { parsed, problem } = parse(body);
  if (!parsed) return { text: '', problem, unknownVariables: [] };
  const unknownVariables = unknownPaths(variablesOf(parsed));
  try {
    const text = String(liquid().renderSync(parsed, values)).trim();
    if (text.length > MAX_RENDERED_LENGTH) {
      return { text: '', problem: { kind: 'limit', message: `The reply would be ${text.length} characters long.`, line: null }, unknownVariables };
    }
    return { text, problem: null, unknownVariables };
  } catch (error) {
    return { text: '', problem: problemOf(error), unknownVariables };
  }
}
