// "How to install": a read-only Markdown page written for the interpreter actually in use,
// so the commands in it can be copied as they are.
import * as vscode from "vscode";
import { describeSource, Problem } from "./launch";
import { MINIMUM_PYTHON, versionText } from "./python";

export const HELP_URI = vscode.Uri.parse("resolint-help:/How%20to%20install%20resolint.md");

/** The pip requirement that brings the language server and its dependencies (pygls). */
export const REQUIREMENT = "resolint";

export class InstallHelp implements vscode.TextDocumentContentProvider {
  private problem: Problem | undefined;
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;

  update(problem: Problem | undefined): void {
    this.problem = problem;
    this.emitter.fire(HELP_URI);
  }

  provideTextDocumentContent(): string {
    return helpText(this.problem);
  }

  async show(): Promise<void> {
    try {
      await vscode.commands.executeCommand("markdown.showPreview", HELP_URI);
    } catch {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(HELP_URI), { preview: true });
    }
  }
}

function helpText(problem: Problem | undefined): string {
  const minimum = MINIMUM_PYTHON.join(".");
  const python = problem?.interpreter?.command;
  const quoted = python ? quote(python) : "python3";
  const lines = [
    "# How to install resolint for VS Code",
    "",
    `The extension lints your drafts with the resolint language server, which it starts as`,
    `\`python -m resolint server\` with Python ${minimum} or newer.`,
    "",
  ];
  if (problem) {
    lines.push("## What went wrong", "", problem.message, "");
    if (problem.interpreter) {
      const version = problem.probe?.version ? `, Python ${versionText(problem.probe)}` : "";
      lines.push(`Interpreter: \`${problem.interpreter.command}\` (from ${describeSource(problem.interpreter)}${version}).`, "");
    }
  }
  lines.push(
    "## Install resolint for this interpreter",
    "",
    "In a terminal:",
    "",
    "```sh",
    `${quoted} -m pip install "${REQUIREMENT}"`,
    "```",
    "",
    "or, from a checkout of resolint's source:",
    "",
    "```sh",
    `${quoted} -m pip install -e /path/to/resolint`,
    "```",
    "",
    "Then run **resolint: Restart resolint server** from the Command Palette.",
    "",
    "## Or use another interpreter",
    "",
    'Set **resolint.interpreter** (Settings, search "resolint") to the Python of a virtual environment',
    "where resolint is installed, for example `${workspaceFolder}/.venv/bin/python`. When the setting",
    "is empty, the extension uses the Python extension's selected interpreter, else `python3` on `PATH`.",
    "",
    "## Or install nothing",
    "",
  );
  if (problem?.bundleAvailable) {
    lines.push(
      "This build of the extension carries resolint and its Python dependencies. Set",
      '**resolint.importStrategy** to `useBundled`; only Python itself is needed.',
    );
  } else {
    lines.push(
      "Install the bundled build of the extension (`resolint-bundled-<version>.vsix`, *Extensions: Install from",
      "VSIX...*). It carries resolint and its Python dependencies, so only Python itself is needed.",
    );
  }
  lines.push("");
  return lines.join("\n");
}

function quote(command: string): string {
  return /^[\w./:\\-]+$/.test(command) ? command : `"${command}"`;
}
