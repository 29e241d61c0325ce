#!/usr/bin/env python3
"""Draw the Teams app icons: color.png (192x192) and outline.png (32x32).

Standard library only (zlib + struct), so the icons can be redrawn on any machine:

    python3 deploy/teams/make-icons.py

Teams wants the colour icon opaque at 192x192 and the outline icon 32x32 with a transparent
background and a white-only foreground. The picture is a chat bubble holding a stack of
three servers: chat in front of a cluster.
"""

import os
import struct
import zlib

ACCENT = (0x1F, 0x4E, 0x79)  # the manifest's accentColor
WHITE = (0xFF, 0xFF, 0xFF)
GREEN = (0x3B, 0xB2, 0x73)


def rounded_rect(x, y, x0, y0, x1, y1, r):
    if not (x0 <= x <= x1 and y0 <= y <= y1):
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])

    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def bubble(x, y, s, inset=0.0):
    """The chat bubble on a unit grid of size s, shrunk by inset for the outline's hole."""
    body = rounded_rect(x, y, 0.12 * s + inset, 0.14 * s + inset, 0.88 * s - inset, 0.72 * s - inset, 0.12 * s - inset)
    tail = triangle(x, y, (0.24 * s + inset, 0.70 * s - inset), (0.44 * s - inset, 0.70 * s - inset), (0.20 * s + inset, 0.90 * s - 2 * inset))
    return body or tail


def server_rows(x, y, s):
    """Three server bars inside the bubble; returns (is_bar, is_led)."""
    for row in range(3):
        top = (0.24 + row * 0.15) * s
        bar = rounded_rect(x, y, 0.26 * s, top, 0.74 * s, top + 0.10 * s, 0.03 * s)
        if bar:
            led = (x - 0.66 * s) ** 2 + (y - (top + 0.05 * s)) ** 2 <= (0.025 * s) ** 2
            return True, led
    return False, False


def color_pixel(x, y, s):
    if bubble(x, y, s):
        bar, led = server_rows(x, y, s)
        if led:
            return GREEN
        return ACCENT if bar else WHITE
    return ACCENT


def outline_pixel(x, y, s):
    ring = bubble(x, y, s) and not bubble(x, y, s, inset=0.07 * s)
    bar, _ = server_rows(x, y, s)
    return ring or bar


def draw_color(size, samples=4):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0, 0, 0]
            for sy in range(samples):
                for sx in range(samples):
                    c = color_pixel(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples, size)
                    for i in range(3):
                        acc[i] += c[i]
            row += bytes(round(v / samples ** 2) for v in acc)
        rows.append(bytes(row))
    return rows


def draw_outline(size):
    # Hard edges on purpose: every pixel is either white and opaque or fully transparent.
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            on = outline_pixel(px + 0.5, py + 0.5, size)
            row += bytes(WHITE + (255,)) if on else bytes((0, 0, 0, 0))
        rows.append(bytes(row))
    return rows


def write_png(path, size, rows, color_type):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + r for r in rows)  # filter type 0 (None) on every scanline
    ihdr = struct.pack(">IIBBBBB", size, size, 8, color_type, 0, 0, 0)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", ihdr))
        f.write(chunk(b"IDAT", zlib.compress(raw, 9)))
        f.write(chunk(b"IEND", b""))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), 192, draw_color(192), color_type=2)  # RGB
    write_png(os.path.join(here, "outline.png"), 32, draw_outline(32), color_type=6)  # RGBA
    print("wrote color.png (192x192) and outline.png (32x32)")


if __name__ == "__main__":
    main()
