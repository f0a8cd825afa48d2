"""Create a municipal staff account (member of the "gemeente" group, not a superuser)."""

import getpass
import sys

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from mijnbuurt.accounts.services import staff_member_create


class Command(BaseCommand):
    help = (
        "Create a municipal staff account, or make an existing account staff: a member of "
        "the 'gemeente' group with the admin permissions staff need, never a superuser."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="Display name, e.g. 'Gemma (gemeente)'.")
        parser.add_argument(
            "--no-password",
            action="store_true",
            help="Set no password; the person chooses one through 'Wachtwoord vergeten?'.",
        )

    def handle(self, *args, email: str, name: str, no_password: bool, **options):
        try:
            validate_email(email)
        except ValidationError as error:
            raise CommandError(f"{email!r} is not an e-mail address.") from error
        password = None
        if not no_password:
            if not sys.stdin.isatty():
                raise CommandError("No terminal to ask for a password: use --no-password.")
            password = getpass.getpass("Password: ")
            if password != getpass.getpass("Password (again): "):
                raise CommandError("The passwords differ.")
            try:
                validate_password(password)
            except ValidationError as error:
                raise CommandError(" ".join(error.messages)) from error
        user = staff_member_create(email=email, display_name=name, password=password)
        self.stdout.write(
            self.style.SUCCESS(f"{user.email} is municipal staff (group 'gemeente').")
            + "\nTwo-factor authentication is set up at the first visit of /admin/."
        )
