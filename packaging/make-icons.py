#!/usr/bin/env python3
"""Renders the platform icons from resources/icons/batchdesk.svg (the one source of the app icon).

    packaging/make-icons.py            # writes the files below, from the repository root or anywhere

  packaging/linux/icons/batchdesk-<N>.png   16 32 48 64 128 256     (hicolor theme sizes)
  packaging/windows/batchdesk.ico           16 20 24 32 40 48 64 256 (PNG-compressed entries, Windows Vista+)
  packaging/macos/batchdesk.icns            16 … 1024, 1x and 2x     (PNG entries, macOS 10.7+)

Needs rsvg-convert (Debian package librsvg2-bin) and nothing else: the ICO and ICNS containers are simple
enough to write with struct. The results are committed, so a build never needs this script.
"""

import pathlib
import struct
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "batchdesk.svg"

LINUX_SIZES = [16, 32, 48, 64, 128, 256]
ICO_SIZES = [16, 20, 24, 32, 40, 48, 64, 256]
# ICNS element types that hold a PNG, with their pixel size. ic11…ic14 are the @2x variants of 16…256 pt.
ICNS_TYPES = [
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
]


def render(size: int) -> bytes:
    """The SVG as an RGBA PNG of size x size pixels."""
    result = subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-f", "png", str(SVG)],
                            check=True, capture_output=True)
    png = result.stdout
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise RuntimeError(f"rsvg-convert did not produce a PNG for {size}px")
    width, height = struct.unpack(">II", png[16:24])
    if (width, height) != (size, size):
        raise RuntimeError(f"rsvg-convert made {width}x{height}, wanted {size}x{size}")
    return png


def ico(images: dict) -> bytes:
    """ICONDIR + one ICONDIRENTRY per image + the PNGs. A width or height of 0 means 256."""
    sizes = sorted(images)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, data = b"", b""
    for size in sizes:
        png = images[size]
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + entries + data


def icns(images: dict) -> bytes:
    """'icns' + total length, then one (type, length including its 8-byte header, PNG) element per entry."""
    body = b"".join(kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    needed = set(LINUX_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    images = {size: render(size) for size in sorted(needed)}

    for size in LINUX_SIZES:
        (ROOT / "packaging" / "linux" / "icons" / f"batchdesk-{size}.png").write_bytes(images[size])
    (ROOT / "packaging" / "windows" / "batchdesk.ico").write_bytes(ico({s: images[s] for s in ICO_SIZES}))
    (ROOT / "packaging" / "macos" / "batchdesk.icns").write_bytes(icns(images))
    print(f"wrote {len(LINUX_SIZES)} PNGs, batchdesk.ico ({len(ICO_SIZES)} sizes), "
          f"batchdesk.icns ({len(ICNS_TYPES)} elements)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
