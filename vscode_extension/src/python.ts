// Which Python runs the resolint server, and what that Python can import.
//
// Order: the `resolint.interpreter` setting, else the Python extension's active interpreter
// (when that extension is installed), else `python3` on PATH.
import * as cp from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";

export type InterpreterSource = "setting" | "python-extension" | "PATH";

export interface Interpreter {
  /** Absolute path of the executable when known, else the command as configured. */
  command: string;
  source: InterpreterSource;
}

/** What `probe` learns by running a few lines in the interpreter. */
export interface ProbeResult {
  executable?: string;
  version?: [number, number, number];
  resolint?: string; // resolint.__version__ when importable
  location?: string; // resolint/__init__.py
  server?: boolean; // resolint.lsp is there
  pygls?: boolean;
  error?: string; // why `import resolint` failed, or why the interpreter did not run
}

export const MINIMUM_PYTHON: [number, number] = [3, 11];

// Runs with the same environment as the server; prints one JSON line.
const PROBE = `
import importlib.util, json, sys
info = {"executable": sys.executable, "version": list(sys.version_info[:3])}
try:
    import resolint
    info["resolint"] = getattr(resolint, "__version__", "unknown")
    info["location"] = getattr(resolint, "__file__", None)
    info["server"] = importlib.util.find_spec("resolint.lsp") is not None
    info["pygls"] = importlib.util.find_spec("pygls") is not None
except Exception as error:
    info["error"] = f"{type(error).__name__}: {error}"
print(json.dumps(info))
`;

interface PythonEnvironmentsApi {
  getActiveEnvironmentPath(resource?: vscode.Uri): { id: string; path: string };
  resolveEnvironment(
    environment: { id: string; path: string } | string,
  ): Promise<{ executable: { uri?: vscode.Uri } } | undefined>;
  onDidChangeActiveEnvironmentPath: vscode.Event<unknown>;
}

interface PythonExtensionApi {
  environments?: PythonEnvironmentsApi;
}

const PYTHON_EXTENSION = "ms-python.python";

export async function findInterpreter(
  folder: vscode.WorkspaceFolder | undefined,
  log: vscode.LogOutputChannel,
): Promise<Interpreter | undefined> {
  const configured = vscode.workspace.getConfiguration("resolint", folder).get<string>("interpreter", "").trim();
  if (configured) {
    const expanded = expandPath(configured, folder);
    return { command: path.isAbsolute(expanded) ? expanded : (findOnPath([expanded]) ?? expanded), source: "setting" };
  }
  const fromPythonExtension = await pythonExtensionInterpreter(folder, log);
  if (fromPythonExtension) {
    return { command: fromPythonExtension, source: "python-extension" };
  }
  const names = process.platform === "win32" ? ["python.exe", "py.exe"] : ["python3", "python"];
  const onPath = findOnPath(names);
  return onPath ? { command: onPath, source: "PATH" } : undefined;
}

/** Subscribe to the Python extension's interpreter changes (a no-op when it is absent). */
export async function onPythonInterpreterChange(listener: () => void): Promise<vscode.Disposable | undefined> {
  const api = await pythonExtensionApi();
  return api?.environments?.onDidChangeActiveEnvironmentPath(() => listener());
}

async function pythonExtensionApi(): Promise<PythonExtensionApi | undefined> {
  const extension = vscode.extensions.getExtension<PythonExtensionApi>(PYTHON_EXTENSION);
  if (!extension) {
    return undefined;
  }
  return extension.isActive ? extension.exports : await extension.activate();
}

async function pythonExtensionInterpreter(
  folder: vscode.WorkspaceFolder | undefined,
  log: vscode.LogOutputChannel,
): Promise<string | undefined> {
  try {
    const environments = (await pythonExtensionApi())?.environments;
    if (!environments) {
      return undefined;
    }
    const active = environments.getActiveEnvironmentPath(folder?.uri);
    const resolved = await environments.resolveEnvironment(active);
    return resolved?.executable.uri?.fsPath;
  } catch (error) {
    log.warn(`Could not ask the Python extension for its interpreter: ${String(error)}`);
    return undefined;
  }
}

/** `${workspaceFolder}`, `~` and paths relative to the workspace folder. */
export function expandPath(value: string, folder: vscode.WorkspaceFolder | undefined): string {
  let result = value.replace(/\$\{workspaceFolder\}/g, folder?.uri.fsPath ?? "");
  if (result === "~" || result.startsWith("~/")) {
    result = path.join(os.homedir(), result.slice(1));
  }
  if (!path.isAbsolute(result) && result.includes("/") && folder) {
    result = path.join(folder.uri.fsPath, result);
  }
  return result;
}

function findOnPath(names: string[]): string | undefined {
  for (const directory of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const name of names) {
      const candidate = path.join(directory, name);
      try {
        fs.accessSync(candidate, fs.constants.X_OK);
        if (fs.statSync(candidate).isFile()) {
          return candidate;
        }
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

/** Run the probe in the interpreter with the server's environment; never throws. */
export function probe(command: string, env: NodeJS.ProcessEnv, cwd: string): Promise<ProbeResult> {
  return new Promise((resolve) => {
    cp.execFile(command, ["-c", PROBE], { env, cwd, timeout: 20000, windowsHide: true }, (error, stdout, stderr) => {
      const line = stdout.trim().split("\n").pop() ?? "";
      try {
        resolve(JSON.parse(line) as ProbeResult);
      } catch {
        const reason = error ? error.message : "no answer";
        resolve({ error: `${command} did not run: ${reason}${stderr ? ` (${stderr.trim()})` : ""}` });
      }
    });
  });
}

export function isRecentEnough(result: ProbeResult): boolean {
  const [major, minor] = result.version ?? [0, 0];
  return major > MINIMUM_PYTHON[0] || (major === MINIMUM_PYTHON[0] && minor >= MINIMUM_PYTHON[1]);
}

export function versionText(result: ProbeResult): string {
  return result.version ? result.version.join(".") : "unknown";
}
