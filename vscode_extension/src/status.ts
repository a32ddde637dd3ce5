// The extension's state, shown as a language status item and exported to other extensions
// (and to the integration test) through the API that `activate` returns.
import * as vscode from "vscode";
import { CodeSource, describeSource } from "./launch";
import { InterpreterSource } from "./python";

export type State = "starting" | "running" | "notInstalled" | "failed" | "stopped";

export interface Status {
  state: State;
  /** Interpreter that runs (or would run) the server, and where it was found. */
  python?: string;
  interpreterSource?: InterpreterSource;
  codeSource?: CodeSource;
  resolintVersion?: string;
  /** Why the server is not running, for notInstalled and failed. */
  message?: string;
}

export interface ResolintApi {
  readonly status: Status;
  readonly onDidChangeStatus: vscode.Event<Status>;
}

export class StatusReporter implements ResolintApi, vscode.Disposable {
  private current: Status = { state: "stopped" };
  private readonly emitter = new vscode.EventEmitter<Status>();
  private readonly item: vscode.LanguageStatusItem;
  readonly onDidChangeStatus = this.emitter.event;

  constructor(selector: vscode.DocumentSelector) {
    this.item = vscode.languages.createLanguageStatusItem("resolint.status", selector);
    this.item.name = "resolint";
    this.render();
  }

  get status(): Status {
    return this.current;
  }

  set(status: Status): void {
    this.current = status;
    this.render();
    this.emitter.fire(status);
  }

  private render(): void {
    const { state, python, interpreterSource, codeSource, resolintVersion, message } = this.current;
    this.item.busy = state === "starting";
    this.item.severity =
      state === "notInstalled" || state === "failed" ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
    const version = resolintVersion ? ` ${resolintVersion}` : "";
    const labels: Record<State, string> = {
      starting: "resolint: starting",
      running: `resolint${version}`,
      notInstalled: "resolint: not installed",
      failed: "resolint: stopped with an error",
      stopped: "resolint: stopped",
    };
    this.item.text = labels[state];
    const where = codeSource === "bundled" ? "bundled copy" : "installed";
    const from = interpreterSource ? ` (from ${describeSource({ source: interpreterSource })})` : "";
    this.item.detail = message ?? (python ? `${where}, ${python}${from}` : undefined);
    this.item.command =
      state === "notInstalled"
        ? { title: "How to install", command: "resolint.showInstallHelp" }
        : { title: "Show log", command: "resolint.showLog" };
  }

  dispose(): void {
    this.item.dispose();
    this.emitter.dispose();
  }
}
