"""Signed list packs: an Ed25519 signature over the canonical manifest.

The manifest carries every file's SHA-256, so a signature over it covers the whole pack. The
manifest's ``signature`` is ``{"algorithm": "ed25519", "key_id": ..., "value": base64}``;
``key_id`` is the first 16 hex digits of the SHA-256 of the raw public key. The app trusts the
publisher keys embedded here (``TRUSTED_PUBLISHER_KEYS``); the private half of the bundled
data's key is kept outside the repository and never ships.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from core.errors import ListPackError

ALGORITHM = "ed25519"

TRADESCREEN_PUBLISHER_KEY = b"""-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAKqAslsAhHIh4aY0IRPtjzpKiQ7Zy9vjLgrAN+BbFr6c=
-----END PUBLIC KEY-----
"""
"""The public key of the publisher "TradeScreen reference data" (signs the bundled packs)."""


def canonical_manifest_bytes(manifest: Mapping[str, Any]) -> bytes:
    """The bytes a signature covers: the manifest without ``signature``, keys sorted, compact."""
    body = {k: v for k, v in manifest.items() if k != "signature"}
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def load_public_key(pem: bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


TRUSTED_PUBLISHER_KEYS: dict[str, Ed25519PublicKey] = {
    key_id(k): k for k in (load_public_key(TRADESCREEN_PUBLISHER_KEY),)
}


def sign_manifest(manifest: Mapping[str, Any], private_key: Ed25519PrivateKey) -> dict[str, str]:
    """The ``signature`` value for ``manifest`` signed with ``private_key``."""
    value = private_key.sign(canonical_manifest_bytes(manifest))
    return {
        "algorithm": ALGORITHM,
        "key_id": key_id(private_key.public_key()),
        "value": base64.b64encode(value).decode("ascii"),
    }


@dataclass(frozen=True)
class SignatureCheck:
    """How a pack's manifest stands: signed by a trusted key (``key_id``) or unsigned."""

    signed: bool
    key_id: str = ""


def verify_manifest(
    manifest: Mapping[str, Any],
    where: str,
    *,
    trusted: Mapping[str, Ed25519PublicKey] | None = None,
    allow_unsigned: bool = False,
) -> SignatureCheck:
    """Check the manifest's signature against the trusted keys; a ``ListPackError`` when it is
    forged, changed after signing, by an unknown key, or missing (unless ``allow_unsigned``)."""
    keys = TRUSTED_PUBLISHER_KEYS if trusted is None else trusted
    signature = manifest.get("signature")
    if signature is None:
        if allow_unsigned:
            return SignatureCheck(False)
        raise ListPackError(
            f"{where}: refused: the list pack is not signed, so nothing shows who published "
            "it (to import a pack of your own, allow unsigned packs: --allow-unsigned)"
        )
    if not isinstance(signature, Mapping) or signature.get("algorithm") != ALGORITHM:
        raise ListPackError(f"{where}: refused: the manifest's signature is not an Ed25519 one")
    kid = str(signature.get("key_id", ""))
    key = keys.get(kid)
    if key is None:
        raise ListPackError(
            f"{where}: refused: the list pack is signed by an unknown publisher key ({kid})"
        )
    try:
        value = base64.b64decode(str(signature.get("value", "")), validate=True)
        key.verify(value, canonical_manifest_bytes(manifest))
    except (InvalidSignature, binascii.Error, ValueError):
        raise ListPackError(
            f"{where}: refused: the signature does not match the manifest (the pack was "
            "changed after it was signed)"
        ) from None
    return SignatureCheck(True, kid)
