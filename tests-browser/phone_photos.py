#!/usr/bin/env python3
"""Gives the first N consenting individuals of a generated site a phone photo.

    python3 tests-browser/phone_photos.py SITE_DIR N [--width 4000 --height 3000]

Each photo is what a phone writes: a JPEG of WIDTH x HEIGHT pixels stored sideways with EXIF
orientation 6 (shown upright as HEIGHT x WIDTH), the GPS position where it was taken, an XMP
packet and an IPTC caption, at quality 92 (3-6 MB at 12 megapixels). The pixels look like a
photo to an encoder (soft shapes and fine grain, not pure noise, which no photo is), and every
photo differs, so none is processed only once for two people. Made with libvips' command line
(Debian's libvips-tools) and exiftool (libimage-exiftool-perl); tests-browser/install.sh
installs both. Deterministic: the same N gives the same files.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

GPS = ("22.3964", "103.4584")  # Lai Châu: where a portrait at home would give the address away


def run(*args: str) -> None:
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def base_image(folder: Path, width: int, height: int) -> Path:
    """One large photo-like picture (a little larger than a photo, so each photo is a different cut):
    broad shapes (noise at 1/200 of the size, enlarged), finer detail over them (at 1/25), and a
    faint grain, so that it keeps structure at every width a page shows, as a photo does; noise at
    one scale only turns into fine detail when shrunk, which no portrait has."""
    w, h = width + 400, height + 300
    layers = []
    for i, (scale, sigma) in enumerate([(200, 50), (25, 14)]):
        bands = []
        for b in range(3):
            band = folder / f"n{i}{b}.v"
            run("vips", "gaussnoise", str(band), str(w // scale + 2), str(h // scale + 2), "--mean", "0", "--sigma", str(sigma),
                "--seed", str(7 + 10 * i + b))
            bands.append(str(band))
        small, big, cut = folder / f"small{i}.v", folder / f"big{i}.v", folder / f"cut{i}.v"
        run("vips", "bandjoin", " ".join(bands), str(small))
        run("vips", "resize", str(small), str(big), str(scale), "--kernel", "cubic")
        run("vips", "crop", str(big), str(cut), "0", "0", str(w), str(h))
        layers.append(cut)
    grain, summed, shifted, out = folder / "grain.v", folder / "summed.v", folder / "shifted.v", folder / "base.v"
    run("vips", "gaussnoise", str(grain), str(w), str(h), "--mean", "128", "--sigma", "2", "--seed", "3")
    run("vips", "sum", " ".join(str(x) for x in [*layers, grain]), str(summed))
    run("vips", "cast", str(summed), str(out), "uchar")
    return out


def soft_width(image: Path) -> int:
    return int(subprocess.run(["vipsheader", "-f", "width", str(image)], check=True, capture_output=True, text=True).stdout)


def soft_height(image: Path) -> int:
    return int(subprocess.run(["vipsheader", "-f", "height", str(image)], check=True, capture_output=True, text=True).stdout)


def tag(files: list[Path]) -> None:
    """What the phone adds, to every photo in one exiftool run."""
    lat, lon = GPS
    run("exiftool", "-q", "-overwrite_original", "-n", "-Orientation=6", "-Make=Phone", "-Model=Camera",
        f"-GPSLatitude={lat}", "-GPSLatitudeRef=N", f"-GPSLongitude={lon}", "-GPSLongitudeRef=E",
        "-XMP-dc:Description=Ảnh chụp tại nhà riêng", "-IPTC:Caption-Abstract=Nha rieng",
        "-IPTC:City=Lai Chau", *map(str, files))


def photo(base: Path, folder: Path, index: int, width: int, height: int, target: Path) -> None:
    left, top = (index * 37) % 400, (index * 23) % 300
    run("vips", "crop", str(base), f"{target}[Q=92,strip]", str(left), str(top), str(width), str(height))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site")
    ap.add_argument("n", type=int)
    ap.add_argument("--width", type=int, default=4000)
    ap.add_argument("--height", type=int, default=3000)
    args = ap.parse_args()
    site = Path(args.site)
    people = sorted((site / "content/individuals").glob("*.vi.md"))
    chosen = []
    for f in people:
        text = f.read_text(encoding="utf-8")
        if re.search(r"^consent: true$", text, re.M) and not re.search(r"^photo:", text, re.M):
            chosen.append(f)
        if len(chosen) == args.n:
            break
    if len(chosen) < args.n:
        sys.exit(f"phone_photos: only {len(chosen)} consenting individuals without a photo in {site}")
    media = site / "content/media"
    media.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="thidua-photos-") as tmp:
        folder = Path(tmp)
        base = base_image(folder, args.width, args.height)
        made: list[Path] = []
        for i, f in enumerate(chosen):
            name = f"phone-{f.name.split('.')[0]}.jpg"
            photo(base, folder, i, args.width, args.height, media / name)
            made.append(media / name)
            text = f.read_text(encoding="utf-8")
            head, sep, rest = text.partition("\n---\n")
            f.write_text(f"{head}\nphoto: media/{name}\nphoto_alt: Chân dung chụp bằng điện thoại{sep}{rest}", encoding="utf-8")
        tag(made)
    total = sum((media / f"phone-{f.name.split('.')[0]}.jpg").stat().st_size for f in chosen)
    print(f"phone_photos: {len(chosen)} photos of {args.width}x{args.height} (shown {args.height}x{args.width}), "
          f"{total / len(chosen) / 1e6:.1f} MB each, in {media}")


if __name__ == "__main__":
    main()
