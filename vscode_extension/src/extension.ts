// resolint for VS Code: a thin client that starts `python -m resolint server` and lets
// vscode-languageclient do the rest (diagnostics, quick fixes, hover, outline, completion).
import * as vscode from "vscode";
import {
  DocumentSelector,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  State as ClientState,
  TransportKind,
} from "vscode-languageclient/node";
import { InstallHelp } from "./installHelp";
import { Launch, planLaunch, Problem } from "./launch";
import { onPythonInterpreterChange } from "./python";
import { ResolintApi, StatusReporter } from "./status";

/** Language ids the server lints: Markdown, plain text, and `*.res.md` (contributed here). */
export const LANGUAGES = ["markdown", "plaintext", "un-resolution"];

/** Settings that change how the server is started; the others (enable, language, select,
 * ignore, severity, debounce) reach the running server, which pulls them when they change. */
const RESTART_SETTINGS = ["resolint.interpreter", "resolint.importStrategy"];

/** Markdown, plain text and .res.md documents, on disk or not yet saved. */
const DOCUMENTS: DocumentSelector = LANGUAGES.flatMap((language) => [
  { language, scheme: "file" },
  { language, scheme: "untitled" },
]);

const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append("resolint");

let controller: Controller | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<ResolintApi> {
  const log = vscode.window.createOutputChannel("resolint", { log: true });
  const status = new StatusReporter(LANGUAGES.map((language) => ({ language })));
  const help = new InstallHelp();
  const configWatcher = vscode.workspace.createFileSystemWatcher("**/{pyproject.toml,.resolint.toml}");
  const current = new Controller(context.extensionPath, log, status, help, configWatcher);
  controller = current;
  context.subscriptions.push(
    log,
    status,
    configWatcher,
    vscode.workspace.registerTextDocumentContentProvider("resolint-help", help),
    vscode.commands.registerCommand("resolint.restart", () => current.restart()),
    vscode.commands.registerCommand("resolint.fixAll", () => current.fixAll()),
    vscode.commands.registerCommand("resolint.showLog", () => log.show()),
    vscode.commands.registerCommand("resolint.showInstallHelp", () => help.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (RESTART_SETTINGS.some((name) => event.affectsConfiguration(name))) {
        void current.restart();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void current.restart()),
  );
  onPythonInterpreterChange(() => {
    if (current.usesPythonExtension) {
      void current.restart();
    }
  }).then(
    (subscription) => subscription && context.subscriptions.push(subscription),
    (error) => log.warn(`Not following the Python extension's interpreter: ${String(error)}`),
  );
  void current.restart();
  return status;
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}

class Controller {
  private client: LanguageClient | undefined;
  private launch: Launch | undefined;
  private queue: Promise<void> = Promise.resolve();
  private pendingRestarts = 0;

  constructor(
    private readonly extensionPath: string,
    private readonly log: vscode.LogOutputChannel,
    private readonly status: StatusReporter,
    private readonly help: InstallHelp,
    private readonly configWatcher: vscode.FileSystemWatcher,
  ) {}

  get usesPythonExtension(): boolean {
    return this.launch?.interpreter.source === "python-extension" || this.status.status.state === "notInstalled";
  }

  /** Stop the server if it runs, then start it again with the current settings (one at a time). */
  restart(): Promise<void> {
    this.pendingRestarts += 1; // at once: the client about to be replaced gets no more settings
    const next = async () => {
      this.pendingRestarts -= 1;
      await this.restartNow();
    };
    this.queue = this.queue.then(next, next);
    return this.queue;
  }

  stop(): Promise<void> {
    this.queue = this.queue.then(() => this.stopNow());
    return this.queue;
  }

  private async restartNow(): Promise<void> {
    await this.stopNow();
    this.status.set({ state: "starting" });
    const folder = vscode.workspace.workspaceFolders?.[0];
    const plan = await planLaunch(this.extensionPath, folder, this.log);
    if ("problem" in plan) {
      this.reportProblem(plan.problem);
      return;
    }
    this.help.update(undefined);
    await this.startClient(plan.launch);
  }

  private async startClient(launch: Launch): Promise<void> {
    const { command, args, env, cwd } = launch;
    this.log.info(`Starting ${command} ${args.join(" ")} (resolint ${launch.resolintVersion}, ${launch.codeSource}) in ${cwd}`);
    const options = this.clientOptions(() => this.client === client && this.pendingRestarts === 0 && client.isRunning());
    const client = new LanguageClient("resolint", "resolint", { command, args, transport: TransportKind.stdio, options: { cwd, env } }, options);
    const running = {
      state: "running" as const,
      python: command,
      interpreterSource: launch.interpreter.source,
      codeSource: launch.codeSource,
      resolintVersion: launch.resolintVersion,
    };
    client.onDidChangeState(({ newState }) => {
      if (this.client !== client) {
        return;
      }
      if (newState === ClientState.Running) {
        this.status.set(running);
      } else if (newState === ClientState.Stopped) {
        this.status.set({ ...running, state: "failed", message: "The resolint server stopped. See the log (resolint: Show log)." });
      }
    });
    this.client = client;
    this.launch = launch;
    try {
      await client.start();
      this.status.set(running);
    } catch (error) {
      const message = `The resolint server did not start: ${errorText(error)}`;
      this.log.error(message);
      this.status.set({ ...running, state: "failed", message });
      void this.offer(message, ["Show log", "Restart"]);
    }
  }

  private clientOptions(current: () => boolean): LanguageClientOptions {
    return {
      documentSelector: DOCUMENTS,
      outputChannel: this.log,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: "resolint",
      // Settings reach the server three ways: at start, when they change (the server then
      // pulls them with workspace/configuration), and per document on request.
      initializationOptions: () => ({ settings: vscode.workspace.getConfiguration("resolint", vscode.workspace.workspaceFolders?.[0]) }),
      synchronize: { configurationSection: "resolint", fileEvents: this.configWatcher },
      middleware: {
        workspace: {
          // A change of interpreter or import strategy restarts the server: the client
          // being replaced must not try to send it the change.
          didChangeConfiguration: (sections, next) => (current() ? next(sections) : Promise.resolve()),
        },
      },
    };
  }

  private async stopNow(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.launch = undefined;
    if (client) {
      this.status.set({ state: "stopped" });
      try {
        await client.stop(5000);
      } catch (error) {
        this.log.warn(`Stopping the server: ${errorText(error)}`);
      }
    }
  }

  private reportProblem(problem: Problem): void {
    this.log.error(problem.message);
    this.help.update(problem);
    this.status.set({
      state: "notInstalled",
      python: problem.interpreter?.command,
      interpreterSource: problem.interpreter?.source,
      message: problem.message,
    });
    void this.offer(`${problem.message} resolint's diagnostics are off.`, ["How to install", "Choose interpreter", "Show log"]);
  }

  /** A notification whose buttons run the matching command; does not block the caller. */
  private async offer(message: string, actions: string[]): Promise<void> {
    const choice = await vscode.window.showErrorMessage(`resolint: ${message}`, ...actions);
    if (choice === "How to install") {
      await this.help.show();
    } else if (choice === "Choose interpreter") {
      const hasPythonExtension = vscode.extensions.getExtension("ms-python.python") !== undefined;
      await (hasPythonExtension
        ? vscode.commands.executeCommand("python.setInterpreter")
        : vscode.commands.executeCommand("workbench.action.openSettings", "resolint.interpreter"));
    } else if (choice === "Show log") {
      this.log.show();
    } else if (choice === "Restart") {
      await this.restart();
    }
  }

  /** Apply the server's "fix all" source action to the active document; returns how many actions applied. */
  async fixAll(): Promise<number> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !LANGUAGES.includes(editor.document.languageId)) {
      void vscode.window.showInformationMessage("resolint: open a Markdown, plain-text or .res.md document to fix.");
      return 0;
    }
    if (!this.client || this.status.status.state !== "running") {
      void vscode.window.showWarningMessage(`resolint: the server is not running (${this.status.status.message ?? this.status.status.state}).`);
      return 0;
    }
    const document = editor.document;
    const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
    const actions =
      (await vscode.commands.executeCommand<vscode.CodeAction[]>(
        "vscode.executeCodeActionProvider",
        document.uri,
        whole,
        FIX_ALL_KIND.value,
        Number.MAX_SAFE_INTEGER, // resolve lazily computed edits
      )) ?? [];
    const ours = actions.filter((action) => action.kind !== undefined && FIX_ALL_KIND.contains(action.kind));
    let applied = 0;
    for (const action of ours) {
      if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
        continue;
      }
      if (action.command) {
        await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
      }
      applied += 1;
    }
    if (applied === 0) {
      vscode.window.setStatusBarMessage("resolint: nothing to fix", 3000);
    }
    return applied;
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
