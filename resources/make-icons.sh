#!/bin/sh
# Regenerates every icon from the two SVGs with ImageMagick. The PNGs are committed, so a build needs no ImageMagick.
set -eu
cd "$(dirname "$0")"
# PNG32: 8-bit RGBA whatever the source, the format every platform's icon loader takes.
render() { convert -background none -density "$3" "$1" -resize "$2x$2" -strip "PNG32:$4"; }
for size in 16 24 32 48 64 128 256 512 1024; do
  render icon.svg "$size" 384 "icons/${size}x${size}.png"
done
cp icons/512x512.png icon.png
convert icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png icons/64x64.png icons/256x256.png icon.ico
# Tray: Windows draws 16 px, Linux panels 24 px; each with an @2x file for high-density screens.
cp icons/16x16.png tray/tray-windows.png
cp icons/32x32.png tray/tray-windows@2x.png
cp icons/24x24.png tray/tray-linux.png
cp icons/48x48.png tray/tray-linux@2x.png
render trayTemplate.svg 16 300 tray/trayTemplate.png
render trayTemplate.svg 32 600 tray/trayTemplate@2x.png
# Windows' taskbar overlay while mail is unread: a red dot, 16 px and @2x.
dot() { convert -size "$1x$1" xc:none -fill '#d93025' -stroke white -strokewidth "$2" -draw "circle $3,$3 $3,$4" -strip "PNG32:$5"; }
dot 16 1.5 8 1.5 tray/overlay-unread.png
dot 32 3 16 3 tray/overlay-unread@2x.png
