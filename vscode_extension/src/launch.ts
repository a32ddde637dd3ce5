// Decide how to start the server: which interpreter, and whether resolint comes from that
// interpreter's environment or from the copy bundled in the .vsix. Every way this can fail
// ends in a Problem with a message for the user, never in silence.
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import { Interpreter, ProbeResult, findInterpreter, isRecentEnough, MINIMUM_PYTHON, probe, versionText } from "./python";

export type CodeSource = "environment" | "bundled";

export interface Launch {
  interpreter: Interpreter;
  codeSource: CodeSource;
  resolintVersion: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Problem {
  /** One sentence for the notification. */
  message: string;
  interpreter?: Interpreter;
  probe?: ProbeResult;
  bundleAvailable: boolean;
}

export type Plan = { launch: Launch } | { problem: Problem };

/** `python -m resolint server`; -P (Python 3.11+) keeps a `resolint/` folder in the workspace from shadowing the real one. */
export const SERVER_ARGS = ["-P", "-m", "resolint", "server"];

export function bundledLibs(extensionPath: string): string {
  return path.join(extensionPath, "bundled", "libs");
}

export function hasBundle(extensionPath: string): boolean {
  return fs.existsSync(path.join(bundledLibs(extensionPath), "resolint", "__init__.py"));
}

export async function planLaunch(
  extensionPath: string,
  folder: vscode.WorkspaceFolder | undefined,
  log: vscode.LogOutputChannel,
): Promise<Plan> {
  const bundleAvailable = hasBundle(extensionPath);
  const interpreter = await findInterpreter(folder, log);
  if (!interpreter) {
    return {
      problem: {
        message: `No Python found: resolint needs Python ${MINIMUM_PYTHON.join(".")} or newer. Install it, or set "resolint.interpreter".`,
        bundleAvailable,
      },
    };
  }
  log.info(`Interpreter: ${interpreter.command} (from ${describeSource(interpreter)})`);
  const cwd = folder?.uri.fsPath ?? extensionPath;
  const baseEnv: NodeJS.ProcessEnv = { ...process.env };
  const strategy = vscode.workspace.getConfiguration("resolint", folder).get<string>("importStrategy", "fromEnvironment");

  if (strategy !== "useBundled") {
    const found = await probe(interpreter.command, baseEnv, extensionPath);
    log.info(`Probe of ${interpreter.command}: ${JSON.stringify(found)}`);
    const problem = unusable(found, interpreter);
    if (!problem) {
      return { launch: launch(interpreter, "environment", found, baseEnv, cwd) };
    }
    if (!bundleAvailable || !isRecentEnough(found)) {
      return { problem: { message: problem, interpreter, probe: found, bundleAvailable } };
    }
    log.info(`${problem} Using the copy of resolint bundled with the extension instead.`);
  } else if (!bundleAvailable) {
    return {
      problem: {
        message:
          '"resolint.importStrategy" is "useBundled", but this build of the extension carries no bundled resolint. ' +
          'Install the bundled .vsix, or set it to "fromEnvironment".',
        interpreter,
        bundleAvailable,
      },
    };
  }

  const env = withPythonPath(baseEnv, bundledLibs(extensionPath));
  const found = await probe(interpreter.command, env, extensionPath);
  log.info(`Probe of ${interpreter.command} with the bundled resolint: ${JSON.stringify(found)}`);
  const problem = unusable(found, interpreter);
  if (problem) {
    return { problem: { message: problem, interpreter, probe: found, bundleAvailable } };
  }
  return { launch: launch(interpreter, "bundled", found, env, cwd) };
}

function launch(interpreter: Interpreter, codeSource: CodeSource, found: ProbeResult, env: NodeJS.ProcessEnv, cwd: string): Launch {
  return {
    interpreter,
    codeSource,
    resolintVersion: found.resolint ?? "unknown",
    command: interpreter.command,
    args: SERVER_ARGS,
    env,
    cwd,
  };
}

/** Why this interpreter cannot run the server, or undefined when it can. */
function unusable(found: ProbeResult, interpreter: Interpreter): string | undefined {
  const python = interpreter.command;
  if (!found.version) {
    return `Could not run ${python}: ${found.error ?? "no answer"}.`;
  }
  if (!isRecentEnough(found)) {
    return `resolint needs Python ${MINIMUM_PYTHON.join(".")} or newer; ${python} is Python ${versionText(found)}.`;
  }
  if (!found.resolint) {
    const detail = found.error && !found.error.startsWith("ModuleNotFoundError: No module named 'resolint'") ? ` (${found.error})` : "";
    return `resolint is not installed for ${python} (Python ${versionText(found)})${detail}.`;
  }
  if (!found.server) {
    return `resolint ${found.resolint} for ${python} has no language server (resolint.lsp): upgrade resolint.`;
  }
  if (!found.pygls) {
    return `resolint ${found.resolint} for ${python} is installed without its dependency pygls: reinstall resolint.`;
  }
  return undefined;
}

function withPythonPath(env: NodeJS.ProcessEnv, libs: string): NodeJS.ProcessEnv {
  const existing = env.PYTHONPATH;
  return { ...env, PYTHONPATH: existing ? `${libs}${path.delimiter}${existing}` : libs };
}

export function describeSource(interpreter: Pick<Interpreter, "source">): string {
  switch (interpreter.source) {
    case "setting":
      return 'the "resolint.interpreter" setting';
    case "python-extension":
      return "the Python extension's active interpreter";
    case "PATH":
      return "PATH";
  }
}
