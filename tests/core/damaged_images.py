"""Uploads that look like images in their header but do not decode to the end."""

import struct
import zlib
from io import BytesIO

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def truncated_jpeg(name: str = "half.jpg") -> SimpleUploadedFile:
    """A valid JPEG's bytes cut in half: the header reads, the pixels stop midway."""
    out = BytesIO()
    Image.effect_noise((400, 300), 50).convert("RGB").save(out, format="JPEG")
    data = out.getvalue()
    return SimpleUploadedFile(name, data[: len(data) // 2], content_type="image/jpeg")


def corrupt_png(name: str = "kapot.png") -> SimpleUploadedFile:
    """A PNG whose pixel data is garbage but whose checksums are right, so that
    ``Image.verify()`` passes it and only decoding finds the damage."""
    out = BytesIO()
    Image.new("RGB", (100, 80), (10, 200, 30)).save(out, format="PNG")
    png = bytearray(out.getvalue())
    chunk = png.find(b"IDAT")
    (length,) = struct.unpack(">I", png[chunk - 4 : chunk])
    data_start, data_end = chunk + 4, chunk + 4 + length
    for i in range(data_start + 4, data_end):  # keep the zlib header, spoil the rest
        png[i] ^= 0xA5
    png[data_end : data_end + 4] = struct.pack(">I", zlib.crc32(bytes(png[chunk:data_end])))
    return SimpleUploadedFile(name, bytes(png), content_type="image/png")
