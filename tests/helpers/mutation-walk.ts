import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SCRIPTS = "scripts";
const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Every `@/lib/...` module (value imports only) of each server action, mutating route and script, with who imports it. */
export function walkEntryPoints(): Map<string, string[]> {
  const files = readdirSync(path.join(ROOT, "app"), { recursive: true, encoding: "utf8" })
    .filter((file) => ["actions.ts", "route.ts"].includes(path.basename(file)))
    .map((file) => path.join("app", file))
    .map((file) => ({ file, source: ts.createSourceFile(file, readFileSync(path.join(ROOT, file), "utf8"), ts.ScriptTarget.Latest, true) }))
    .filter(({ file, source }) => path.basename(file) === "actions.ts" || exportedNames(source).some((name) => MUTATING.has(name)));
  for (const file of readdirSync(path.join(ROOT, SCRIPTS)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts")).sort()) {
    const script = path.join(SCRIPTS, file);
    files.push({ file: script, source: ts.createSourceFile(script, readFileSync(path.join(ROOT, script), "utf8"), ts.ScriptTarget.Latest, true) });
  }
  const modules = new Map<string, string[]>();
  for (const { file, source } of files) {
    for (const lib of libImports(source)) modules.set(lib, [...(modules.get(lib) ?? []), file.split(path.sep).join("/")]);
  }
  return modules;
}

export function exportedNames(source: ts.SourceFile): string[] {
  const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && Boolean(ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
  const bound = (name: ts.BindingName): string[] => (ts.isIdentifier(name) ? [name.text] : name.elements.flatMap((e) => (ts.isBindingElement(e) ? bound(e.name) : [])));
  return source.statements.flatMap((statement) => {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name) return [statement.name.text];
    if (ts.isVariableStatement(statement) && isExported(statement)) return statement.declarationList.declarations.flatMap((d) => bound(d.name));
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) return statement.exportClause.elements.map((e) => e.name.text);
    return [];
  });
}

/** Static, re-exported and dynamic imports of `@/lib/...`; `import type` cannot run a verb, so it is left out. */
function libImports(source: ts.SourceFile): string[] {
  const found = new Set<string>();
  const isTypeOnly = (node: ts.ImportDeclaration) => {
    const clause = node.importClause;
    if (!clause) return false;
    if (clause.isTypeOnly) return true;
    const named = clause.namedBindings;
    return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
  };
  const visit = (node: ts.Node) => {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(node) && !isTypeOnly(node)) specifier = node.moduleSpecifier;
    else if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith("@/lib/")) found.add(specifier.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...found];
}
