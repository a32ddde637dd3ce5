#!/usr/bin/env bash
# Install code-server 4.100.3 (= VS Code 1.100.3, the newest release that runs on Node 20)
# from the npm registry into a folder outside the checkout, for the integration tests.
#
# Usage: install-code-server.sh [DEST]   (default: $RESOLINT_CODE_SERVER_DIR or
#        ~/.cache/resolint/code-server-4.100.3)
#
# The folder is a cache: it is reused only when its completion stamp is present AND the
# installed binary reports the expected version; otherwise it is wiped and rebuilt.
#
# Why not a plain `npm install code-server`: its postinstall asks for --unsafe-perm as root,
# and @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here), which rolls
# the whole install back. So: install without scripts, rebuild the native modules from source,
# put Debian's rg where @vscode/ripgrep expects its download, and do the rest of code-server's
# postinstall.sh by hand. Needs: node 20, npm, gcc/g++/make, python3, libkrb5-dev, ripgrep.
set -euo pipefail

VERSION=4.100.3
DEST=${1:-${RESOLINT_CODE_SERVER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/resolint/code-server-$VERSION}}
STAMP="$DEST/.installed-$VERSION"
BIN="$DEST/node_modules/.bin/code-server"

if [ -f "$STAMP" ] && "$BIN" --version 2>/dev/null | grep -q "^$VERSION "; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

command -v rg >/dev/null || { echo "install-code-server: ripgrep (rg) is missing: apt-get install ripgrep" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" = 20 ] || echo "install-code-server: warning: code-server $VERSION wants node 20, this is node $node_major" >&2

rm -rf "$DEST"
mkdir -p "$DEST"
cd "$DEST"
export npm_config_audit=false npm_config_fund=false npm_config_yes=true npm_config_update_notifier=false
npm init -y >/dev/null
npm install --ignore-scripts "code-server@$VERSION"
npm rebuild argon2

cd node_modules/code-server/lib/vscode
npm install --omit=dev --ignore-scripts
# npm_config_yes=true above: node-pty's install script runs `npx node-gyp`.
npm rebuild @parcel/watcher @vscode/deviceid @vscode/spdlog kerberos native-watchdog node-pty
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
# The rest of code-server's postinstall.sh:
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev)

"$BIN" --version | grep -q "^$VERSION " || { echo "install-code-server: $BIN does not report $VERSION" >&2; exit 1; }
touch "$STAMP"
echo "code-server $VERSION installed in $DEST"
