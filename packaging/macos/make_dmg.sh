#!/bin/sh
# Package dist/TradeScreen.app (built by packaging/tradescreen.spec on macOS) as a compressed
# disk image with an /Applications shortcut for drag-and-drop install:
#
#   python -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller packaging/tradescreen.spec
#   sh packaging/macos/make_dmg.sh            # -> dist/TradeScreen-<version>.dmg
#
# The app is not signed or notarized here; Gatekeeper asks users to confirm the first start
# (right-click > Open) until a Developer ID signature is added.
set -eu
cd "$(dirname "$0")/../.."
APP=${1:-dist/TradeScreen.app}
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' core/__init__.py)
OUT=dist/TradeScreen-$VERSION.dmg

[ -d "$APP" ] || { echo "make_dmg: $APP not found (build the spec first)" >&2; exit 1; }
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$OUT"
hdiutil create -volname "TradeScreen $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$OUT"
hdiutil verify "$OUT"
echo "$OUT"
