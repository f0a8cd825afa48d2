"""Help requests move from neighbourhoods to this app: in Django's state only.

The tables stay where they are (``Meta.db_table`` keeps their names), so no row is
touched: neighbourhoods' 0004 removes the models from its state, volunteers' 0004
points the hand-over's foreign key here, and 0002 moves the content types.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('neighbourhoods', '0003_help_requests'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ReplyTemplate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(blank=True, choices=[('practical', 'Practical help at home'), ('company', 'Company or loneliness'), ('paperwork', 'Paperwork and money'), ('transport', 'Transport'), ('shopping', 'Shopping'), ('parenting', 'Parenting and youth'), ('health', 'Health and care'), ('housing', 'Housing'), ('other', 'Other')], help_text='Empty: for every kind.', max_length=16, verbose_name='kind of help')),
                        ('status', models.CharField(blank=True, choices=[('new', 'New'), ('in_triage', 'Being looked at'), ('handed_to_volunteer', 'Handed to a volunteer'), ('light_intervention', 'The team helps'), ('referred', 'Referred to a specialist'), ('resolved', 'Resolved'), ('closed_not_needed', 'Closed, no help needed'), ('withdrawn', 'Withdrawn')], help_text='Empty: for every status.', max_length=24, verbose_name='status')),
                        ('title', models.CharField(max_length=120, verbose_name='title')),
                        ('text', models.TextField(verbose_name='text')),
                        ('is_active', models.BooleanField(default=True, verbose_name='in use')),
                    ],
                    options={
                        'db_table': 'neighbourhoods_replytemplate',
                        'verbose_name': 'reply template',
                        'verbose_name_plural': 'reply templates',
                        'ordering': ['title', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HelpRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('contact_name', models.CharField(blank=True, max_length=120, verbose_name='name')),
                        ('contact_phone', models.CharField(blank=True, max_length=30, verbose_name='phone number')),
                        ('contact_email', models.EmailField(blank=True, max_length=254, verbose_name='e-mail address')),
                        ('contact_address', models.CharField(blank=True, max_length=200, verbose_name='address')),
                        ('contact_way', models.CharField(choices=[('phone', 'By phone'), ('email', 'By e-mail'), ('visit', 'A visit at home')], default='phone', max_length=8, verbose_name='how to contact')),
                        ('kind', models.CharField(choices=[('practical', 'Practical help at home'), ('company', 'Company or loneliness'), ('paperwork', 'Paperwork and money'), ('transport', 'Transport'), ('shopping', 'Shopping'), ('parenting', 'Parenting and youth'), ('health', 'Health and care'), ('housing', 'Housing'), ('other', 'Other')], max_length=16, verbose_name='kind of help')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('urgency', models.CharField(choices=[('low', 'It can wait a while'), ('normal', 'Normal'), ('high', 'Soon, please'), ('urgent', 'Urgent')], default='normal', max_length=8, verbose_name='urgency')),
                        ('status', models.CharField(choices=[('new', 'New'), ('in_triage', 'Being looked at'), ('handed_to_volunteer', 'Handed to a volunteer'), ('light_intervention', 'The team helps'), ('referred', 'Referred to a specialist'), ('resolved', 'Resolved'), ('closed_not_needed', 'Closed, no help needed'), ('withdrawn', 'Withdrawn')], default='new', max_length=24, verbose_name='status')),
                        ('consent_share_anonymised', models.BooleanField(default=False, verbose_name='consent to share an anonymised version with volunteers')),
                        ('first_contact_at', models.DateTimeField(blank=True, null=True, verbose_name='first contact at')),
                        ('due_at', models.DateTimeField(verbose_name='first contact due at')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='closed at')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated at')),
                        ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='anonymised at')),
                        ('assignee', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='assigned_help_requests', to=settings.AUTH_USER_MODEL, verbose_name='assigned to')),
                        ('filed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='filed by professional')),
                        ('neighbourhood', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='help_requests', to='neighbourhoods.neighbourhood', verbose_name='neighbourhood')),
                        ('referred_to', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='neighbourhoods.organisation', verbose_name='referred to')),
                        ('requester', models.ForeignKey(blank=True, help_text='Empty for an intake on behalf of someone without an account.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='help_requests', to=settings.AUTH_USER_MODEL, verbose_name='resident')),
                        ('team', models.ForeignKey(blank=True, help_text="Empty: the municipality's fallback queue.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='help_requests', to='neighbourhoods.areateam', verbose_name='area team')),
                    ],
                    options={
                        'db_table': 'neighbourhoods_helprequest',
                        'verbose_name': 'help request',
                        'verbose_name_plural': 'help requests',
                        'ordering': ['due_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HelpMessage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('direction', models.CharField(choices=[('to_resident', 'To the resident'), ('from_resident', 'From the resident'), ('internal', 'Internal note (team only)')], max_length=16, verbose_name='direction')),
                        ('body', models.TextField(blank=True, verbose_name='message')),
                        ('asks_for_information', models.BooleanField(default=False, verbose_name='asks for more information')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='sent at')),
                        ('author', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='helprequests.helprequest', verbose_name='help request')),
                    ],
                    options={
                        'db_table': 'neighbourhoods_helpmessage',
                        'verbose_name': 'help request message',
                        'verbose_name_plural': 'help request messages',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='AccessLog',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('request_number', models.PositiveBigIntegerField(verbose_name='request number')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='when')),
                        ('action', models.CharField(choices=[('view', 'Looked at the request'), ('assign', 'Assigned the request'), ('status', 'Changed the status'), ('message', 'Sent a message'), ('note', 'Wrote an internal note'), ('contact', 'Recorded contact with you'), ('intake', 'Filed the request for you')], max_length=16, verbose_name='action')),
                        ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='who')),
                        ('request', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='access_logs', to='helprequests.helprequest', verbose_name='help request')),
                    ],
                    options={
                        'db_table': 'neighbourhoods_accesslog',
                        'verbose_name': 'access log entry',
                        'verbose_name_plural': 'access log',
                        'ordering': ['-at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='HelpRequestEvent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='at')),
                        ('from_status', models.CharField(blank=True, choices=[('new', 'New'), ('in_triage', 'Being looked at'), ('handed_to_volunteer', 'Handed to a volunteer'), ('light_intervention', 'The team helps'), ('referred', 'Referred to a specialist'), ('resolved', 'Resolved'), ('closed_not_needed', 'Closed, no help needed'), ('withdrawn', 'Withdrawn')], max_length=24, verbose_name='from')),
                        ('to_status', models.CharField(choices=[('new', 'New'), ('in_triage', 'Being looked at'), ('handed_to_volunteer', 'Handed to a volunteer'), ('light_intervention', 'The team helps'), ('referred', 'Referred to a specialist'), ('resolved', 'Resolved'), ('closed_not_needed', 'Closed, no help needed'), ('withdrawn', 'Withdrawn')], max_length=24, verbose_name='to')),
                        ('note', models.TextField(blank=True, verbose_name='note for the resident')),
                        ('actor', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                        ('request', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='events', to='helprequests.helprequest', verbose_name='help request')),
                    ],
                    options={
                        'db_table': 'neighbourhoods_helprequestevent',
                        'verbose_name': 'status change',
                        'verbose_name_plural': 'status changes',
                        'ordering': ['at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Satisfaction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('score', models.PositiveSmallIntegerField(verbose_name='score')),
                        ('comment', models.TextField(blank=True, verbose_name='comment')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='given at')),
                        ('request', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='satisfaction', to='helprequests.helprequest', verbose_name='help request')),
                    ],
                    options={
                        'db_table': 'neighbourhoods_satisfaction',
                        'verbose_name': 'satisfaction',
                        'verbose_name_plural': 'satisfaction scores',
                    },
                ),
                migrations.AddIndex(
                    model_name='helprequest',
                    index=models.Index(fields=['team', 'status', 'due_at'], name='help_team_status_due'),
                ),
                migrations.AddIndex(
                    model_name='helprequest',
                    index=models.Index(fields=['status', 'closed_at'], name='help_status_closed'),
                ),
                migrations.AddIndex(
                    model_name='accesslog',
                    index=models.Index(fields=['request', '-at'], name='help_access_request_at'),
                ),
                migrations.AddConstraint(
                    model_name='satisfaction',
                    constraint=models.CheckConstraint(condition=models.Q(('score__gte', 1), ('score__lte', 5)), name='help_satisfaction_score_1_5'),
                ),
            ],
        ),
    ]
