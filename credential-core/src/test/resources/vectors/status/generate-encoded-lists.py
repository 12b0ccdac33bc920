#!/usr/bin/env python3
"""Writes encoded-list/*.json: encodedList values made with CPython's gzip and zlib, an implementation independent
of the Java decoder under test. Run from this directory: python3 generate-encoded-lists.py. Only the specification's
own example is copied rather than generated; the files are committed and the tests read them, not this script."""
import base64, gzip, io, json, os, struct, zlib

SPEC_EXAMPLE = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
SPEC_SOURCE = ("W3C Recommendation 'Bitstring Status List v1.0', 15 May 2025 "
               "(https://www.w3.org/TR/2025/REC-vc-bitstring-status-list-20250515/), section 2.2 "
               "BitstringStatusListCredential, Example 3 (the same value is in A.2, Example 5); copied from "
               "w3c/vc-bitstring-status-list transitions/2025/REC/index.html at commit "
               "74fcae11e5b389aa44d1b7d3f84ee079eaa169a4")
GENERATED = "written by generate-encoded-lists.py with CPython gzip/zlib"


def bits(length, *indexes):
    data = bytearray(length // 8)
    for i in indexes:
        data[i // 8] |= 0x80 >> (i % 8)  # index 0 is the left-most (most significant) bit
    return bytes(data)


def u(raw):
    return "u" + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def raw_deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def trailer(data):
    return struct.pack("<II", zlib.crc32(data), len(data) & 0xffffffff)


def member(data, flags=0, extra=b"", name=b"", comment=b"", header_crc=False, mtime=0, os_byte=255):
    flags |= (0x02 if header_crc else 0) | (0x04 if extra else 0) | (0x08 if name else 0) | (0x10 if comment else 0)
    header = bytearray(b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", mtime)
                       + bytes([0, os_byte]))
    if extra:
        header += struct.pack("<H", len(extra)) + extra
    if name:
        header += name + b"\x00"
    if comment:
        header += comment + b"\x00"
    if header_crc:
        header += struct.pack("<H", zlib.crc32(bytes(header)) & 0xffff)
    return bytes(header) + raw_deflate(data) + trailer(data)


def spec_bytes():
    s = SPEC_EXAMPLE[1:]
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


vectors = {}


def good(name, description, encoded, length, set_indexes, source=GENERATED):
    vectors[name + ".good.json"] = {
        "description": description, "source": source, "encodedList": encoded,
        "expected": {"entries": length, "set": sorted(set_indexes)}}


def bad(name, description, encoded, problem, source=GENERATED):
    vectors[name + ".bad.json"] = {
        "description": description, "source": source, "encodedList": encoded, "expected": {"problem": problem}}


good("spec-example-all-zero", "the specification's example list: 16 KB, every bit 0", SPEC_EXAMPLE, 131072, [],
     source=SPEC_SOURCE)
BOUNDARY = [0, 1, 7, 8, 131071]
good("python-bits-set", "16 KB list with bits 0, 1, 7, 8 and 131071 set (byte 0 is 0xc1, byte 1 is 0x80, "
     "the last byte 0x01): left-most bit first", u(gzip.compress(bits(131072, *BOUNDARY), 9, mtime=0)), 131072,
     BOUNDARY)
SPEC_INDEXES = [94567, 23452]
with io.BytesIO() as buffer:
    with gzip.GzipFile(filename="status-list", mode="wb", fileobj=buffer, mtime=1714920460) as f:
        f.write(bits(131072, *SPEC_INDEXES))
    good("python-file-name-header", "GZIP header with a file name and a modification time (FNAME, MTIME), bits "
         "94567 and 23452 (the specification's example indexes) set", u(buffer.getvalue()), 131072, SPEC_INDEXES)
good("header-extra-comment-crc", "GZIP header with every optional field: FEXTRA, FNAME, FCOMMENT and a correct "
     "FHCRC; bit 12345 set", u(member(bits(131072, 12345), extra=b"AB\x02\x00hi",
                                     name=b"list", comment=b"status", header_crc=True)), 131072, [12345])
halves = bits(131072, 65535, 65536)
good("two-members", "two GZIP members (RFC 1952 allows a series), the list split between them at byte 8192; "
     "bits 65535 and 65536 either side of the split", u(member(halves[:8192]) + member(halves[8192:])), 131072,
     [65535, 65536])
good("short-list", "a 1 KB list (8192 entries), below the specification's minimum: decoding accepts it, the "
     "status check then reports it too short", u(gzip.compress(bits(8192, 8191), 9, mtime=0)), 8192, [8191])
LARGE = [0, 131072, 4194303, 8388607]
good("one-mebibyte", "a 1 MiB list (8,388,608 entries), longer than the minimum", u(gzip.compress(
    bits(8388608, *LARGE), 9, mtime=0)), 8388608, LARGE)

spec = spec_bytes()
bad("wrong-prefix-z", "multibase base58btc prefix 'z' on base64url text", "z" + SPEC_EXAMPLE[1:],
    "WRONG_MULTIBASE_PREFIX")
bad("no-prefix", "base64url without the multibase prefix", SPEC_EXAMPLE[1:], "WRONG_MULTIBASE_PREFIX")
bad("base64url-padded-prefix", "multibase 'U' (base64url with padding) instead of 'u'",
    "U" + base64.urlsafe_b64encode(bits(8, 0)).decode(), "WRONG_MULTIBASE_PREFIX")
bad("empty", "an empty string", "", "WRONG_MULTIBASE_PREFIX")
bad("standard-base64-alphabet", "base64 with '+' where base64url has '-'", SPEC_EXAMPLE.replace("-", "+"),
    "NOT_BASE64URL")
padded = u(gzip.compress(bits(131072, 5), 9, mtime=0))
assert len(padded[1:]) % 4 != 0
bad("padded", "base64url with '=' padding, which multibase 'u' does not have",
    padded + "=" * (-len(padded[1:]) % 4), "NOT_BASE64URL")
bad("line-break", "the example broken over two lines", SPEC_EXAMPLE[:30] + "\n" + SPEC_EXAMPLE[30:], "NOT_BASE64URL")
bad("impossible-length", "five base64url characters, which no byte string encodes to", "uH4sIA", "NOT_BASE64URL")
bad("prefix-only", "the prefix and nothing to decode", "u", "NOT_GZIP")
bad("text-not-gzip", "base64url of plain text", u(b"this is not a GZIP member"), "NOT_GZIP")
bad("zlib-not-gzip", "zlib (RFC 1950) instead of GZIP (RFC 1952): a common mistake", u(zlib.compress(bits(131072), 9)),
    "NOT_GZIP")
bad("raw-deflate", "raw deflate (RFC 1951) without the GZIP wrapper", u(raw_deflate(bits(131072))), "NOT_GZIP")
bad("compression-method-7", "a GZIP header naming compression method 7, not deflate", u(spec[:2] + b"\x07" + spec[3:]),
    "NOT_GZIP")
bad("reserved-flag", "a GZIP header with a reserved flag bit set", u(spec[:3] + b"\x20" + spec[4:]), "NOT_GZIP")
bad("truncated-header", "the first 6 bytes of a GZIP header", u(spec[:6]), "TRUNCATED_GZIP")
bad("truncated-deflate", "the example cut in the middle of its deflate stream", u(spec[:20]), "TRUNCATED_GZIP")
bad("truncated-trailer", "the example without its CRC-32 and length trailer", u(spec[:-8]), "TRUNCATED_GZIP")
bad("truncated-file-name", "FNAME flag set and a name that never ends", u(b"\x1f\x8b\x08\x08" + b"\x00" * 6 + b"name"),
    "TRUNCATED_GZIP")
bad("crc-mismatch", "the example with one bit of its CRC-32 flipped",
    u(spec[:-8] + bytes([spec[-8] ^ 1]) + spec[-7:]), "CORRUPT_GZIP")
bad("length-mismatch", "the example with its length field one too large",
    u(spec[:-4] + struct.pack("<I", 16385)), "CORRUPT_GZIP")
bad("trailing-garbage", "the example followed by bytes that are not a GZIP member", u(spec + b"garbage"),
    "CORRUPT_GZIP")
bad("invalid-deflate-block", "a deflate block of the reserved type 3", u(spec[:10] + b"\x07" + spec[11:]),
    "CORRUPT_GZIP")
bad("header-crc-mismatch", "FHCRC that does not match the header",
    u(member(bits(131072), name=b"list", header_crc=True).replace(b"list\x00", b"lisT\x00")), "CORRUPT_GZIP")

os.makedirs("encoded-list", exist_ok=True)
for old in os.listdir("encoded-list"):
    if old.endswith(".json"):
        os.remove(os.path.join("encoded-list", old))
for name, vector in sorted(vectors.items()):
    with open(os.path.join("encoded-list", name), "w") as out:
        json.dump(vector, out, indent=2)
        out.write("\n")
print("wrote", len(vectors), "files")
