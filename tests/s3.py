"""A real S3 API server for tests: moto's standalone server in a process of its own,
and fresh buckets on it laid out as README describes for MinIO (anyone may read
``public/*`` of the public bucket, and nothing else)."""

import subprocess
import sys
import time

import boto3
import pytest
import requests

from tests.servers import free_port

BUCKET = "mijnbuurt"
KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
REGION = "us-east-1"
PUBLIC_READ = (
    '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*",'
    ' "Action": ["s3:GetObject"], "Resource": ["arn:aws:s3:::%s/public/*"]}]}'
)


@pytest.fixture(scope="session")
def s3_server():
    """The URL of a moto S3 server in its own process, up for the whole session."""
    url = f"http://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", url.rsplit(":", 1)[1]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                requests.get(f"{url}/moto-api/", timeout=1)
                break
            except requests.ConnectionError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("The moto S3 server did not start.")
                time.sleep(0.05)  # polling the starting process, with a deadline
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def fresh_buckets(url: str, private_bucket: str = ""):
    """Empty the server, then make the public bucket (and a private one); a client."""
    requests.post(f"{url}/moto-api/reset", timeout=5).raise_for_status()
    client = boto3.client("s3", endpoint_url=url, region_name=REGION, **KEYS)
    for bucket in {BUCKET, private_bucket or BUCKET}:
        client.create_bucket(Bucket=bucket)
    client.put_bucket_policy(Bucket=BUCKET, Policy=PUBLIC_READ % BUCKET)
    return client


def s3_environment(url: str) -> dict[str, str]:
    """The settings' environment variables for the public bucket on this server."""
    return {
        "S3_BUCKET": BUCKET,
        "S3_ENDPOINT_URL": url,
        "S3_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
        "S3_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
        "S3_REGION": REGION,
    }
