import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { exportedNames } from "../mutation-walk";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * One way in: a page (`page /incidents/[key]`), a route handler's method (`GET /api/incidents`)
 * or a server action (`action app/(app)/audit/actions.ts#verifyAuditChainAction`). `id` is the
 * key of its row in the access table.
 */
export type EntryPoint =
  | { kind: "page"; id: string; file: string; path: string }
  | { kind: "route"; id: string; file: string; path: string; method: string }
  | { kind: "action"; id: string; file: string; name: string; arity: number };

function appFiles(name: string): string[] {
  return readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === name)
    .map((file) => path.join("app", file).split(path.sep).join("/"))
    .sort();
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true);
}

/** The URL path a file serves: route groups `(app)` leave no trace in it. */
function urlPath(file: string): string {
  const segments = path.posix.dirname(file).split("/").slice(1).filter((s) => !/^\(.+\)$/.test(s));
  return `/${segments.join("/")}`;
}

const isAsync = (node: ts.Node) => Boolean(ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword));
const isExported = (node: ts.Node) => Boolean(ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));

/** Exported async functions of an actions.ts ("use server" makes each one callable from a browser), with their parameter counts. */
function serverActions(source: ts.SourceFile): { name: string; arity: number }[] {
  return source.statements.flatMap((statement) => {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && isAsync(statement) && statement.name) {
      return [{ name: statement.name.text, arity: statement.parameters.length }];
    }
    if (ts.isVariableStatement(statement) && isExported(statement)) {
      return statement.declarationList.declarations.flatMap((d) => {
        const init = d.initializer;
        const fn = init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) && isAsync(init) ? init : undefined;
        return fn && ts.isIdentifier(d.name) ? [{ name: d.name.text, arity: fn.parameters.length }] : [];
      });
    }
    return [];
  });
}

/** Every page, route handler method and server action under app/, read from the files themselves. */
export function listEntryPoints(): EntryPoint[] {
  const pages = appFiles("page.tsx").map((file) => ({ kind: "page" as const, id: `page ${urlPath(file)}`, file, path: urlPath(file) }));
  const routes = appFiles("route.ts").flatMap((file) =>
    exportedNames(parse(file))
      .filter((name) => HTTP_METHODS.has(name))
      .map((method) => ({ kind: "route" as const, id: `${method} ${urlPath(file)}`, file, path: urlPath(file), method })),
  );
  const actions = appFiles("actions.ts").flatMap((file) => serverActions(parse(file)).map(({ name, arity }) => ({ kind: "action" as const, id: `action ${file}#${name}`, file, name, arity })));
  return [...pages, ...routes, ...actions];
}

/** Imports an entry point's module the way Next.js would load it. */
export function importEntry(entry: EntryPoint): Promise<Record<string, unknown>> {
  return import(path.join(ROOT, entry.file)) as Promise<Record<string, unknown>>;
}
