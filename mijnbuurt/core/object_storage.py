"""Uploads on S3-compatible object storage (django-storages), when S3_BUCKET is set.

Public files (photos, logos) go under ``public/`` and are read by their plain object
URL: the bucket lets anyone read ``public/*`` and nothing else. Private files (cost
evidence) go under ``private/``, in S3_PRIVATE_BUCKET or the same bucket, and are never
public: the view that serves one checks the rules, then redirects to a URL signed for
a short while (``mijnbuurt.core.media.private_file_response``).

Configuration only, with no Django imports: the settings build ``STORAGES`` with it,
and so do the tests that point the storages at their own S3 server.
"""

from urllib.parse import urlsplit

BACKEND = "storages.backends.s3.S3Storage"
PUBLIC_PREFIX = "public"
PRIVATE_PREFIX = "private"


def s3_public_url(*, bucket: str, endpoint_url: str = "", region: str = "") -> str:
    """Where the bucket's objects answer without a signature (path style off AWS)."""
    if endpoint_url:
        return f"{endpoint_url.rstrip('/')}/{bucket}"
    if region:
        return f"https://{bucket}.s3.{region}.amazonaws.com"
    return f"https://{bucket}.s3.amazonaws.com"


def s3_storages(
    *,
    bucket: str,
    private_bucket: str = "",
    endpoint_url: str = "",
    access_key_id: str = "",
    secret_access_key: str = "",
    region: str = "",
    public_url: str = "",
    signed_url_seconds: int = 60,
) -> dict[str, dict]:
    """The ``"default"`` and ``"private"`` entries of settings.STORAGES on object storage.

    ``public_url`` is the address of the bucket's root for browsers (a CDN or custom
    domain); empty, the endpoint's own. Empty keys fall back to boto3's own sources
    (environment, instance role).
    """
    connection = {
        "endpoint_url": endpoint_url or None,
        "access_key": access_key_id or None,
        "secret_key": secret_access_key or None,
        "region_name": region or None,
        "signature_version": "s3v4",
        # MinIO and most S3-compatible servers name the bucket in the path.
        "addressing_style": "path" if endpoint_url else None,
        # Keep every upload's own name, as on disk (never overwrite another file).
        "file_overwrite": False,
        "default_acl": None,  # access comes from the bucket's policy, not object ACLs
    }
    public = urlsplit(
        public_url or s3_public_url(bucket=bucket, endpoint_url=endpoint_url, region=region)
    )
    return {
        "default": {
            "BACKEND": BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": bucket,
                "location": PUBLIC_PREFIX,
                "querystring_auth": False,
                "custom_domain": f"{public.netloc}{public.path.rstrip('/')}",
                "url_protocol": f"{public.scheme}:",
            },
        },
        "private": {
            "BACKEND": BACKEND,
            "OPTIONS": {
                **connection,
                "bucket_name": private_bucket or bucket,
                "location": PRIVATE_PREFIX,
                "querystring_auth": True,
                "querystring_expire": signed_url_seconds,
            },
        },
    }
