"""A worker killed mid-delivery and an SMTP outage: every notification is e-mailed
exactly once, and soon.

Real processes: a Celery worker (prefork, one child) and, where the sweeper is needed,
beat, both on a redis-server of the test's own and on the test database (PostgreSQL:
a worker process cannot share SQLite's in-memory test database). The SMTP server
(aiosmtpd) runs in the test and can hold a message's DATA step, so a delivery is
mid-task when the worker is killed. The sweeper's intervals are scaled down through
their settings; ``test_production_sweeper_sends_within_two_minutes`` proves the bound
for the production values. Every measured figure is printed (``pytest -s``).
"""

import asyncio
import os
import signal
import sys
import threading
import time
from contextlib import suppress
from datetime import timedelta
from pathlib import Path

import pytest
import redis
from django.conf import settings
from kombu import Connection

from mijnbuurt.celery import app
from mijnbuurt.core.redis import redis_is_back
from mijnbuurt.notifications.models import Notification
from mijnbuurt.notifications.services import notify
from mijnbuurt.notifications.tasks import sweep_after
from tests.accounts.factories import UserFactory
from tests.deploy.stack import Mailbox, Processes, wait_until
from tests.notifications.utils import celery_config, worker_database_url
from tests.servers import PrivateRedis, free_port, needs_redis_server

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
Delivery = Notification.Delivery

# The sweeper in these tests: every second, for what is pending over two seconds.
SWEEP_EVERY = 1
SWEEP_AFTER = 2
# A busy two-core machine: a task's own run and a Celery process starting up.
SLACK = 10

needs_postgres = pytest.mark.skipif(
    not POSTGRES, reason="a worker process cannot share SQLite's in-memory test database"
)


def test_production_sweeper_sends_within_two_minutes():
    """What the sweeper waits for (age) and how often it looks (beat) add up to the
    longest wait of a notification whose first attempt was lost: a killed worker's task
    (redelivered by Redis only after the visibility timeout) or mail during an SMTP
    outage. The schedule is the one beat runs."""
    every = timedelta(seconds=app.conf.beat_schedule["notification-sweep"]["schedule"])
    assert every == timedelta(minutes=1)
    assert sweep_after() == timedelta(minutes=1)
    assert sweep_after() + every <= timedelta(minutes=2)
    visibility = timedelta(seconds=settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"])
    assert sweep_after() + every < visibility  # the sweeper comes first


def test_no_retry_waits_past_the_visibility_timeout():
    """A retry that waits longer than the visibility timeout would be handed out twice."""
    from mijnbuurt.notifications.tasks import notification_digest_user

    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    for task in app.tasks.values():
        if getattr(task, "autoretry_for", ()) and getattr(task, "retry_backoff", False):
            assert task.retry_backoff_max < visibility, task.name
    assert notification_digest_user.retry_backoff_max < visibility


class HoldingMailbox(Mailbox):
    """An SMTP server that can keep the next message waiting in its DATA step.

    A message whose sender dies while it waits is not kept: the session ends without
    an answer, so the sender cannot know it went and will send it again (counting it
    would count SMTP's own race, RFC 1047, rather than the platform's behaviour).
    """

    def __init__(self, port: int):
        super().__init__(port)
        self.holding = threading.Event()  # a message waits in its DATA step
        self.dropped = threading.Event()  # its sender went away meanwhile
        self._hold_next = False
        self._release = threading.Event()

    def hold_next(self) -> None:
        for event in (self.holding, self.dropped, self._release):
            event.clear()
        self._hold_next = True

    def release(self) -> None:
        self._release.set()

    async def handle_DATA(self, server, session, envelope):
        if self._hold_next:
            self._hold_next = False
            self.holding.set()
            try:
                while not self._release.is_set():
                    await asyncio.sleep(0.02)
            except asyncio.CancelledError:  # aiosmtpd: the connection was lost
                self.dropped.set()
                raise
        return await super().handle_DATA(server, session, envelope)

    def count_to(self, address: str) -> int:
        return sum(address in mail.to for mail in self.messages)


class Celery:
    """Worker and beat processes on a private Redis and the test database."""

    def __init__(self, tmp_path: Path, redis_url: str, smtp_port: int):
        self.processes = Processes(tmp_path)
        self.tmp_path = tmp_path
        self.redis = redis.Redis.from_url(redis_url)
        self.env = {
            **os.environ,
            "REDIS_URL": redis_url,
            "DATABASE_URL": worker_database_url(),
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
            "EMAIL_TIMEOUT": "5",
            "CONN_MAX_AGE": "0",
            "NOTIFICATION_SWEEP_EVERY_SECONDS": str(SWEEP_EVERY),
            "NOTIFICATION_SWEEP_AFTER_SECONDS": str(SWEEP_AFTER),
        }
        self.started = 0

    def kill_all(self) -> None:
        """Stop every process at once: nothing of theirs needs to be finished."""
        for process in self.processes.running:
            with suppress(ProcessLookupError):
                os.killpg(process.popen.pid, signal.SIGKILL)
            process.popen.wait(timeout=10)
        self.processes.running.clear()

    def worker(self):
        self.started += 1
        return self._start(
            f"worker-{self.started}",
            *("worker", "--pool=prefork", "--concurrency=1", "--loglevel=INFO"),
            *("--without-gossip", "--without-mingle", "--without-heartbeat"),
        )

    def beat(self):
        return self._start("beat", "beat", "--schedule", self.tmp_path / "celerybeat")

    def _start(self, name: str, *args):
        return self.processes.start(
            name, sys.executable, "-m", "celery", "-A", "mijnbuurt", *args, env=self.env, cwd=ROOT
        )

    def deliveries_queued(self) -> int:
        """Delivery tasks waiting in the queue or taken but not yet acknowledged."""
        waiting = self.redis.lrange("celery", 0, -1) + self.redis.hvals("unacked")
        return sum(b"notification_deliver" in message for message in waiting)

    def give_back_unacknowledged(self) -> None:
        """What Redis does once the visibility timeout has passed (five minutes): put
        every taken, unacknowledged task back in the queue."""
        with Connection(self.redis_url, transport_options={"visibility_timeout": 0}) as conn:
            conn.default_channel.qos.restore_visible(num=1000)

    @property
    def redis_url(self) -> str:
        return self.env["REDIS_URL"]


def pool_child(worker) -> int:
    """The pid of the prefork worker's one child, the process that runs tasks."""
    pid = worker.popen.pid
    children = [
        int(child)
        for task in Path(f"/proc/{pid}/task").iterdir()
        for child in (task / "children").read_text().split()
    ]
    assert len(children) == 1, children
    return children[0]


def ready(worker) -> bool:
    return " ready." in worker.log.read_text(errors="replace")


@pytest.fixture
def private_redis():
    server = PrivateRedis()
    with celery_config(broker_url=server.url, task_always_eager=False):
        yield server
    server.stop()
    redis_is_back()


@pytest.fixture
def mailbox():
    box = HoldingMailbox(free_port())
    box.controller.start()
    yield box
    box.release()
    if box.controller.loop.is_running():
        box.controller.stop()


@pytest.fixture
def celery(tmp_path, private_redis, mailbox):
    processes = Celery(tmp_path, private_redis.url, mailbox.controller.port)
    yield processes
    processes.kill_all()


def security_notice(user) -> Notification:
    return notify(
        recipient=user,
        kind="account_security",
        context={"event": "password_changed"},
        url_name="account_change_password",
    )


def sent(notification) -> bool:
    notification.refresh_from_db()
    return notification.delivery == Delivery.SENT


def _held_then_killed(mailbox: HoldingMailbox, kill) -> float:
    """Kill while a delivery waits in the DATA step; the moment of the kill."""
    wait_until(mailbox.holding.is_set, timeout=60, what="a delivery in its DATA step")
    kill()
    killed = time.monotonic()
    wait_until(mailbox.dropped.is_set, timeout=10, what="the SMTP session to end")
    mailbox.release()
    return killed


@needs_redis_server
@needs_postgres
@pytest.mark.django_db(transaction=True)
def test_killed_workers_and_an_smtp_outage_lose_and_double_no_mail(celery, mailbox):
    """One worker (and later beat) for three faults in turn, as starting Celery
    processes is what takes the time here."""
    worker = celery.worker()
    worker = _pool_child_killed(celery, worker, mailbox, UserFactory())
    celery.beat()
    worker = _whole_worker_killed(celery, worker, mailbox, UserFactory())
    _smtp_outage(celery, worker, mailbox)
    celery.processes.assert_running()


def _pool_child_killed(celery, worker, mailbox, resident):
    """Beat is not running yet, so no sweeper: the mail goes out because the worker
    gives the task of its lost child back to the queue (acks_late with
    reject_on_worker_lost)."""
    mailbox.hold_next()
    notification = security_notice(resident)

    killed = _held_then_killed(mailbox, lambda: os.kill(pool_child(worker), signal.SIGKILL))
    mail = mailbox.wait_for(resident.email, timeout=SLACK + 20)
    seconds = mail.received - killed
    print(f"\npool child killed -> task redelivered and e-mailed: {seconds:.2f} s")
    assert seconds < SLACK

    wait_until(lambda: celery.deliveries_queued() == 0, timeout=10, what="the task acknowledged")
    notification.refresh_from_db()
    assert (notification.delivery, notification.failed_attempts) == (Delivery.SENT, 0)
    assert mailbox.count_to(resident.email) == 1
    assert "WorkerLostError" in worker.tail(200)
    return worker


def _whole_worker_killed(celery, worker, mailbox, resident):
    """The killed worker's task stays taken in Redis until the visibility timeout; the
    sweeper (beat keeps running) enqueues the notification again and a new worker
    sends it. When Redis gives the old task back, it finds nothing left to send."""
    mailbox.hold_next()
    notification = security_notice(resident)

    def kill_worker():
        os.killpg(worker.popen.pid, signal.SIGKILL)  # the main process and its child

    killed = _held_then_killed(mailbox, kill_worker)
    worker.popen.wait(timeout=10)
    celery.processes.running.remove(worker)
    restarted = time.monotonic()
    new_worker = celery.worker()
    mail = mailbox.wait_for(resident.email, timeout=SWEEP_AFTER + SWEEP_EVERY + 3 * SLACK)
    wait_until(lambda: ready(new_worker), timeout=10, what="the new worker ready")
    print(
        f"whole worker killed -> e-mailed by the new worker: {mail.received - killed:.2f} s "
        f"(new worker started -> e-mailed: {mail.received - restarted:.2f} s)"
    )
    assert mail.received - restarted < SWEEP_AFTER + SWEEP_EVERY + 2 * SLACK
    wait_until(lambda: sent(notification), timeout=10, what="the notification marked sent")

    # The visibility timeout passes: the old task, if Redis still holds it as taken,
    # comes back and sends nothing.
    print(f"old delivery tasks still taken in Redis: {celery.deliveries_queued()}")
    celery.give_back_unacknowledged()
    wait_until(lambda: celery.deliveries_queued() == 0, timeout=20, what="the old task done")
    assert mailbox.count_to(resident.email) == 1
    return new_worker


def _smtp_outage(celery, worker, mailbox):
    """Mail written while the SMTP server is down stays pending, however often it is
    tried (an outage never counts towards giving up), and goes once the server is back."""
    port = mailbox.controller.port
    mailbox.controller.stop()
    residents = UserFactory.create_batch(3)
    notifications = [security_notice(user) for user in residents for _ in range(2)]

    def failed_twice() -> bool:
        log = worker.log.read_text(errors="replace")
        return all(log.count(f"notification {n.pk} failed") >= 2 for n in notifications)

    # The first attempt and at least one of the sweeper's fail.
    wait_until(failed_twice, timeout=60, what="two failed attempts per notification")
    rows = Notification.objects.filter(pk__in=[n.pk for n in notifications])
    assert set(rows.values_list("delivery", "failed_attempts")) == {(Delivery.PENDING, 0)}

    back = Mailbox(port)
    back.controller.start()
    try:
        returned = time.monotonic()
        wait_until(lambda: len(back.messages) >= 6, timeout=60, what="six e-mails")
        seconds = max(mail.received for mail in back.messages) - returned
        print(f"SMTP back -> all {len(back.messages)} e-mails sent: {seconds:.2f} s")
        assert seconds < SWEEP_AFTER + SWEEP_EVERY + SLACK

        wait_until(lambda: celery.deliveries_queued() == 0, timeout=20, what="no task left")
        assert set(rows.values_list("delivery", "failed_attempts")) == {(Delivery.SENT, 0)}
        assert sorted(mail.to[0] for mail in back.messages) == sorted(
            user.email for user in residents for _ in range(2)
        )
    finally:
        back.controller.stop()
