from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from mijnbuurt.core.demo import seeders


class Command(BaseCommand):
    help = "Load Assen's demo data and one demo account per role (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo creates accounts with published passwords and refuses to run "
                "with DEBUG off."
            )
        accounts = []
        # The demo's notifications stay in the app (the bell); their e-mails go nowhere.
        with (
            override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
            transaction.atomic(),
        ):
            for seed in seeders():
                accounts.extend(seed(out=self.stdout) or [])
        self.stdout.write(self.style.SUCCESS("Demo data loaded. Demo accounts:"))
        for account in accounts:
            line = f"  {account.role:<28} {account.email:<34} password: {account.password}"
            if account.totp_secret:
                line += f"  TOTP secret: {account.totp_secret}"
            self.stdout.write(line)
