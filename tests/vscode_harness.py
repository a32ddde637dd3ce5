"""Build the VS Code extension and run it in a real VS Code: code-server 4.100.3 (VS Code
1.100.3) driven by headless Chromium through chromedriver's W3C WebDriver API.

The extension-host half of the test is `vscode_extension/test/integration.ts`; code-server
runs it as `extensionTestsPath` while the resolint extension itself is installed from the
.vsix. It writes what it observed to a JSON file, and asks (through files in a handshake
folder) for the screenshots, which this side takes with WebDriver.
"""
from __future__ import annotations

import base64
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .conftest import ROOT

EXTENSION_DIR = ROOT / "vscode_extension"
ARTIFACTS = ROOT / "test-artifacts" / "vscode"
CODE_SERVER_VERSION = "4.100.3"
INSTALL_SCRIPT = EXTENSION_DIR / "scripts" / "install-code-server.sh"
WINDOW = (1400, 900)


# --- prerequisites --------------------------------------------------------------------------

def node_major() -> int | None:
    node = shutil.which("node")
    if not node or not shutil.which("npm"):
        return None
    out = subprocess.run([node, "-p", "process.versions.node"], capture_output=True, text=True).stdout
    return int(out.split(".")[0]) if out.strip() else None


def code_server_dir() -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache"))
    return Path(os.environ.get("RESOLINT_CODE_SERVER_DIR", cache / "resolint" / f"code-server-{CODE_SERVER_VERSION}"))


def code_server_bin() -> Path | None:
    """The installed code-server, when install-code-server.sh completed there."""
    folder = code_server_dir()
    binary = folder / "node_modules" / ".bin" / "code-server"
    return binary if (folder / f".installed-{CODE_SERVER_VERSION}").is_file() and binary.exists() else None


def browser_paths() -> tuple[str | None, str | None]:
    return shutil.which("chromium") or shutil.which("chromium-browser"), shutil.which("chromedriver")


# --- building -------------------------------------------------------------------------------

def run(command: list[str], *, cwd: Path = EXTENSION_DIR, env: dict | None = None, timeout: float = 600) -> str:
    """Run a build command; on failure, raise with its whole output."""
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if done.returncode != 0:
        raise AssertionError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return done.stdout + done.stderr


def build_env() -> dict:
    """PATH with this interpreter's folder first: the bundled build runs `python3 -m pip`."""
    env = dict(os.environ, npm_config_audit="false", npm_config_fund="false", npm_config_update_notifier="false")
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    return env


def ensure_node_modules() -> None:
    """`npm ci` unless node_modules already holds exactly what package-lock.json pins
    (npm's own record of it, node_modules/.package-lock.json)."""
    lock = json.loads((EXTENSION_DIR / "package-lock.json").read_text())["packages"]
    hidden = EXTENSION_DIR / "node_modules" / ".package-lock.json"
    if hidden.is_file():
        present = json.loads(hidden.read_text())["packages"]
        same = all(name in lock and lock[name].get("version") == entry.get("version") for name, entry in present.items())
        complete = all(name in present or entry.get("optional") for name, entry in lock.items() if name)
        if same and complete:  # optional packages are those of other platforms, or failed optional builds
            return
    run(["npm", "ci"], env=build_env())


@dataclass(frozen=True)
class Build:
    vsix: Path
    bundled_vsix: Path
    seconds: float


def build_extension() -> Build:
    """Type-check, bundle and package both builds (plain, then bundled) into dist/."""
    started = time.monotonic()
    env = build_env()
    ensure_node_modules()
    version = json.loads((EXTENSION_DIR / "package.json").read_text())["version"]
    run(["npm", "run", "package"], env=env)
    run(["npm", "run", "package:bundled"], env=env)
    dist = EXTENSION_DIR / "dist"
    return Build(dist / f"resolint-{version}.vsix", dist / f"resolint-bundled-{version}.vsix", time.monotonic() - started)


def build_host_test(target: Path) -> Path:
    """The extension-host test as one CommonJS file, and a stub extension to host it
    (code-server needs an `extensionDevelopmentPath`; resolint itself comes from the .vsix)."""
    target.mkdir(parents=True, exist_ok=True)
    esbuild = EXTENSION_DIR / "node_modules" / ".bin" / "esbuild"
    run([str(esbuild), "test/integration.ts", "--bundle", "--platform=node", "--format=cjs",
         "--external:vscode", f"--outfile={target / 'index.js'}"])
    # Also a side-bar container of its own, for the screenshot of the Outline view (its one
    # placeholder view is never shown; the test moves the Outline view there).
    (target / "icon.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><path d="M2 3h12v1H2zm2 4h10v1H4zm0 4h10v1H4z"/></svg>')
    (target / "package.json").write_text(json.dumps({
        "name": "resolint-integration-host", "publisher": "resolint-tests", "version": "0.0.0",
        "engines": {"vscode": "^1.91.0"},
        "contributes": {
            "viewsContainers": {"activitybar": [{"id": "resolint-outline", "title": "Outline", "icon": "icon.svg"}]},
            "views": {"resolint-outline": [{"id": "resolint-outline.placeholder", "name": "Outline", "when": "resolint.never"}]},
        },
    }))
    return target / "index.js"


FAKE_PYTHON_EXTENSION = """\
// A stand-in for the Python extension's API: the active interpreter is $RESOLINT_TEST_ACTIVE_PYTHON.
const vscode = require("vscode");
exports.activate = () => {
  const active = process.env.RESOLINT_TEST_ACTIVE_PYTHON;
  const changed = new vscode.EventEmitter();
  return { environments: {
    getActiveEnvironmentPath: () => ({ id: active, path: active }),
    resolveEnvironment: async (env) => ({ executable: { uri: vscode.Uri.file(typeof env === "string" ? env : env.path) } }),
    onDidChangeActiveEnvironmentPath: changed.event,
  } };
};
"""


def fake_python_extension(target: Path) -> Path:
    """A .vsix of `ms-python.python` exporting the `environments` API the resolint extension
    reads (the real one comes from the marketplace, which is unreachable here)."""
    target.mkdir(parents=True, exist_ok=True)
    (target / "extension.js").write_text(FAKE_PYTHON_EXTENSION)
    (target / "package.json").write_text(json.dumps({
        "name": "python", "publisher": "ms-python", "version": "0.0.1", "engines": {"vscode": "^1.91.0"},
        "main": "./extension.js", "activationEvents": [],
    }))
    vsix = target / "ms-python.python-0.0.1.vsix"
    run([str(EXTENSION_DIR / "node_modules" / ".bin" / "vsce"), "package", "--no-dependencies",
         "--allow-missing-repository", "--skip-license", "--out", str(vsix)], cwd=target)
    return vsix


# --- code-server ----------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(condition, timeout: float, what: str, alive=None) -> None:
    """Poll `condition` until it holds; fail after `timeout` s, or as soon as `alive()` is false."""
    deadline = time.monotonic() + timeout
    while not condition():
        if alive is not None and not alive():
            raise AssertionError(f"gave up waiting for {what}: the process it depends on exited")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


def http_ok(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def stop_group(process: subprocess.Popen) -> None:
    """End a process we started in its own session, with all its children (code-server
    leaves file-watcher processes behind otherwise)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
    try:
        os.killpg(process.pid, signal.SIGKILL)  # children still in the group
    except ProcessLookupError:
        pass


USER_SETTINGS = {
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": False,
    "security.workspace.trust.enabled": False,
    "telemetry.telemetryLevel": "off",
    "update.mode": "none",
    "extensions.autoCheckUpdates": False,
    "extensions.autoUpdate": False,
    "extensions.ignoreRecommendations": True,
    "editor.minimap.enabled": False,
    "workbench.layoutControl.enabled": False,
    "chat.commandCenter.enabled": False,
    "outline.collapseItems": "alwaysCollapse",  # with follow-cursor: the current paragraph's group opens
}


@dataclass
class CodeServer:
    url: str
    authority: str
    process: subprocess.Popen
    log: Path


@contextmanager
def code_server(binary: Path, vsixes: list[Path], workspace: Path, home: Path, settings: dict, env: dict):
    """code-server on a free local port with the .vsix files installed, its state kept in `home`."""
    user, extensions = home / "user", home / "extensions"
    (user / "User").mkdir(parents=True, exist_ok=True)
    (user / "User" / "settings.json").write_text(json.dumps({**USER_SETTINGS, **settings}, indent=2))
    full_env = {**os.environ, "XDG_CONFIG_HOME": str(home / "config"), "XDG_DATA_HOME": str(home / "data"), **env}
    dirs = ["--user-data-dir", str(user), "--extensions-dir", str(extensions)]
    for vsix in vsixes:
        out = run([str(binary), *dirs, "--install-extension", str(vsix)], cwd=home, env=full_env, timeout=180)
        assert "successfully installed" in out, out
    port = free_port()
    log = home / "code-server.log"
    with open(log, "w") as sink:
        process = subprocess.Popen(
            [str(binary), "--bind-addr", f"127.0.0.1:{port}", "--auth", "none", "--disable-telemetry",
             "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override",
             # RESOLINT_VSCODE_LOG=trace: every log at trace level, the LSP messages among them
             *(["--log", os.environ["RESOLINT_VSCODE_LOG"]] if os.environ.get("RESOLINT_VSCODE_LOG") else []),
             *dirs, str(workspace)],
            cwd=home, env=full_env, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True,
        )
    try:
        url = f"http://127.0.0.1:{port}"
        wait_until(lambda: http_ok(f"{url}/healthz"), 60, "code-server to listen", alive=lambda: process.poll() is None)
        yield CodeServer(url, f"127.0.0.1:{port}", process, log)
    finally:
        stop_group(process)


# --- the browser (W3C WebDriver over HTTP: chromedriver needs nothing else) -----------------

class Browser:
    def __init__(self, chromium: str, chromedriver: str, home: Path) -> None:
        self.port = free_port()
        self.driver = subprocess.Popen(
            [chromedriver, f"--port={self.port}", f"--log-path={home / 'chromedriver.log'}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        self.session = None
        try:
            wait_until(lambda: http_ok(f"{self.base}/status"), 30, "chromedriver", alive=lambda: self.driver.poll() is None)
            args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    f"--window-size={WINDOW[0]},{WINDOW[1]}", f"--user-data-dir={home / 'chromium'}"]
            capabilities = {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {"binary": chromium, "args": args}}}
            self.session = self._call("POST", "/session", {"capabilities": capabilities})["sessionId"]
        except BaseException:
            self.close()
            raise

    def _call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(f"{self.base}{path}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as error:
            raise AssertionError(f"WebDriver {method} {path}: {error.read().decode(errors='replace')}") from None

    def open(self, url: str) -> None:
        self._call("POST", f"/session/{self.session}/url", {"url": url})

    def wait_for(self, xpath: str, timeout: float = 30) -> None:
        """Until an element matching `xpath` is on the page."""
        find = lambda: self._call("POST", f"/session/{self.session}/elements", {"using": "xpath", "value": xpath})
        wait_until(lambda: bool(find()), timeout, f"an element matching {xpath}")

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(self._call("GET", f"/session/{self.session}/screenshot")))

    def close(self) -> None:
        if self.session:
            try:
                self._call("DELETE", f"/session/{self.session}")
            except (AssertionError, OSError):
                pass
        stop_group(self.driver)


# --- one scenario ---------------------------------------------------------------------------

def run_scenario(*, scenario: str, binary: Path, vsixes: list[Path], home: Path, workspace: Path, settings: dict,
                 config: dict, screenshots: dict[str, Path], env: dict | None = None, timeout: float = 240) -> dict:
    """Open the workspace in code-server with the host test, take the screenshots it asks
    for, and return what it observed (plus the wall time)."""
    chromium, chromedriver = browser_paths()
    host = build_host_test(home / "host")
    handshakes, result = home / "handshakes", home / "result.json"
    handshakes.mkdir(parents=True, exist_ok=True)
    config_file = home / "test-config.json"
    config_file.write_text(json.dumps({
        **config, "scenario": scenario, "resultFile": str(result), "handshakeDir": str(handshakes),
        "timeoutMs": 60_000,
    }, indent=2))
    started = time.monotonic()
    with code_server(binary, vsixes, workspace, home, settings, {**(env or {}), "RESOLINT_TEST_CONFIG": str(config_file)}) as server:
        remote = f"vscode-remote://{server.authority}"
        payload = [["extensionDevelopmentPath", f"{remote}{host.parent}"], ["extensionTestsPath", f"{remote}{host}"]]
        url = f"{server.url}/?folder={quote(str(workspace))}&payload={quote(json.dumps(payload))}"
        browser = Browser(chromium, chromedriver, home)
        try:
            browser.open(url)
            deadline = time.monotonic() + timeout
            while not result.exists():
                for ready in handshakes.glob("*.ready"):
                    done = ready.with_suffix(".done")
                    if not done.exists():
                        target = screenshots.get(ready.stem, home / f"{ready.stem}.png")
                        try:
                            browser.wait_for(ready.read_text())
                        finally:  # on a timeout too: the screenshot shows what was there instead
                            browser.screenshot(target)
                        done.write_text("")
                if server.process.poll() is not None:
                    raise AssertionError(f"code-server exited; its log:\n{server.log.read_text()[-4000:]}")
                if time.monotonic() > deadline:
                    raise AssertionError(f"the extension-host test did not finish in {timeout:.0f} s; code-server's log:\n"
                                         f"{server.log.read_text()[-4000:]}")
                time.sleep(0.1)
        finally:
            browser.close()
            keep_logs(home, ARTIFACTS / f"{scenario}-logs")
    observed = json.loads(result.read_text())
    observed["wallSeconds"] = time.monotonic() - started
    return observed


def keep_logs(home: Path, target: Path) -> None:
    """code-server's and VS Code's logs (among them the "resolint" output channel) beside the
    screenshots, to read when a run fails."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for log in [home / "code-server.log", *(home / "user" / "logs").rglob("*.log")]:
        if log.is_file():
            shutil.copy(log, target / str(log.relative_to(home)).replace("/", "__"))
