"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = '0001'
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('app_user',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('office_region', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('nip', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('office_region', 'username', name='uq_app_user_username')
    )
    op.create_table('audit_entry',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('user_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('username', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('action', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('change_count', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index('ix_audit_at', ['at'], unique=False)
        batch_op.create_index('ix_audit_user', ['user_id', 'at'], unique=False)

    op.create_table('change_log',
    sa.Column('local_seq', sa.Integer(), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('op', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('fields', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('user_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('audit_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('recorded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('local_seq'),
    sa.UniqueConstraint('device_id', 'device_seq', name='uq_change_device_seq')
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_audit', ['audit_id'], unique=False)
        batch_op.create_index('ix_change_row', ['row_id', 'hlc'], unique=False)

    op.create_table('conflict',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('table_name', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('row_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('field', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('base_value', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('winner_value', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('loser_value', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('winner_change', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('loser_change', sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
    sa.Column('detected_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('resolved_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('resolved_by', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.create_index('ix_conflict_open', ['resolved_at', 'table_name'], unique=False)

    op.create_table('coverage_target',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('region_code', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('target', sa.Integer(), nullable=False),
    sa.CheckConstraint('target >= 0', name='ck_coverage_target'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('region_code', 'category', 'year', name='uq_coverage_target')
    )
    op.create_table('device',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('office_kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('region_code', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('signing_public_key', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('exchange_public_key', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_bundle_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('acknowledged_vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('local_state',
    sa.Column('singleton', sa.Integer(), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('office_kind', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('office_region', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('office_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('regency_code', sqlmodel.sql.sqltypes.AutoString(length=5), nullable=False),
    sa.Column('device_seq', sa.Integer(), nullable=False),
    sa.Column('hlc_ms', sa.Integer(), nullable=False),
    sa.Column('hlc_counter', sa.Integer(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.CheckConstraint('singleton = 1', name='ck_local_state_singleton'),
    sa.PrimaryKeyConstraint('singleton')
    )
    op.create_table('region',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('code', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('parent_code', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code', name='uq_region_code')
    )
    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.create_index('ix_region_level_name', ['level', 'name'], unique=False)
        batch_op.create_index('ix_region_parent', ['parent_code', 'name'], unique=False)

    op.create_table('setting',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
    sa.Column('value', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key', name='uq_setting_key')
    )
    op.create_table('worker',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('nik', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('kk', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('name_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('sex', sqlmodel.sql.sqltypes.AutoString(length=1), nullable=False),
    sa.Column('birth_place', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=False),
    sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('village_code', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('district_code', sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
    sa.Column('category', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('subcategory', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=True),
    sa.Column('position', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('kpj', sqlmodel.sql.sqltypes.AutoString(length=11), nullable=True),
    sa.Column('programmes', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('declared_income', sa.Integer(), nullable=False),
    sa.Column('coverage_start', sa.Date(), nullable=True),
    sa.Column('coverage_end', sa.Date(), nullable=True),
    sa.Column('funding_source', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=False),
    sa.Column('status_reason', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True),
    sa.Column('death_date', sa.Date(), nullable=True),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
    sa.Column('merged_into', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.CheckConstraint("sex IN ('L', 'P')", name='ck_worker_sex'),
    sa.CheckConstraint('declared_income >= 0', name='ck_worker_income'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.create_index('ix_worker_category', ['category', 'name_key'], unique=False)
        batch_op.create_index('ix_worker_district', ['district_code', 'name_key'], unique=False)
        batch_op.create_index('ix_worker_name_key', ['name_key'], unique=False)
        batch_op.create_index('ix_worker_nik', ['nik'], unique=False)
        batch_op.create_index('ix_worker_status', ['status', 'coverage_end'], unique=False)
        batch_op.create_index('ix_worker_village', ['village_code', 'name_key'], unique=False)

    op.create_table('claim',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('worker_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=False),
    sa.Column('reported_date', sa.Date(), nullable=False),
    sa.Column('village_code', sqlmodel.sql.sqltypes.AutoString(length=13), nullable=False),
    sa.Column('proposer', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('verified_on', sa.Date(), nullable=True),
    sa.Column('deadline', sa.Date(), nullable=True),
    sa.Column('amount_proposed', sa.Integer(), nullable=False),
    sa.Column('amount_approved', sa.Integer(), nullable=False),
    sa.Column('amount_paid', sa.Integer(), nullable=False),
    sa.Column('decision_number', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('transfer_reference', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('paid_on', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.ForeignKeyConstraint(['worker_id'], ['worker.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.create_index('ix_claim_reported', ['reported_date'], unique=False)
        batch_op.create_index('ix_claim_status_deadline', ['status', 'deadline'], unique=False)
        batch_op.create_index('ix_claim_village', ['village_code', 'status'], unique=False)
        batch_op.create_index('ix_claim_worker', ['worker_id'], unique=False)

    op.create_table('claim_document',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('claim_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('item', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
    sa.Column('received', sa.Boolean(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('claim_id', 'item', name='uq_claim_document')
    )
    op.create_table('claim_event',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('claim_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
    sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('actor_user_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('actor_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('device_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('data', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claim_event', schema=None) as batch_op:
        batch_op.create_index('ix_claim_event_claim', ['claim_id', 'at'], unique=False)

    op.create_table('heir',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('claim_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('nik', sqlmodel.sql.sqltypes.AutoString(length=16), nullable=True),
    sa.Column('relationship', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('is_payee', sa.Boolean(), nullable=False),
    sa.Column('bank_name', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=True),
    sa.Column('bank_account', sqlmodel.sql.sqltypes.AutoString(length=30), nullable=True),
    sa.Column('account_holder', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('heir', schema=None) as batch_op:
        batch_op.create_index('ix_heir_claim', ['claim_id'], unique=False)
        batch_op.create_index('ix_heir_nik', ['nik'], unique=False)

    op.create_table('letter',
    sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('hlc', sqlmodel.sql.sqltypes.AutoString(length=24), nullable=False),
    sa.Column('origin_device', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=False),
    sa.Column('vv', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('number', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('claim_id', sqlmodel.sql.sqltypes.AutoString(length=36), nullable=True),
    sa.Column('claim_ids', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('issued_on', sa.Date(), nullable=False),
    sa.Column('signer_name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('signer_position', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
    sa.Column('signer_nip', sqlmodel.sql.sqltypes.AutoString(length=18), nullable=True),
    sa.Column('content_hash', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claim.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('number', name='uq_letter_number')
    )
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.create_index('ix_letter_claim', ['claim_id'], unique=False)
        batch_op.create_index('ix_letter_series', ['kind', 'year', 'sequence'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('letter', schema=None) as batch_op:
        batch_op.drop_index('ix_letter_series')
        batch_op.drop_index('ix_letter_claim')

    op.drop_table('letter')
    with op.batch_alter_table('heir', schema=None) as batch_op:
        batch_op.drop_index('ix_heir_nik')
        batch_op.drop_index('ix_heir_claim')

    op.drop_table('heir')
    with op.batch_alter_table('claim_event', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_event_claim')

    op.drop_table('claim_event')
    op.drop_table('claim_document')
    with op.batch_alter_table('claim', schema=None) as batch_op:
        batch_op.drop_index('ix_claim_worker')
        batch_op.drop_index('ix_claim_village')
        batch_op.drop_index('ix_claim_status_deadline')
        batch_op.drop_index('ix_claim_reported')

    op.drop_table('claim')
    with op.batch_alter_table('worker', schema=None) as batch_op:
        batch_op.drop_index('ix_worker_village')
        batch_op.drop_index('ix_worker_status')
        batch_op.drop_index('ix_worker_nik')
        batch_op.drop_index('ix_worker_name_key')
        batch_op.drop_index('ix_worker_district')
        batch_op.drop_index('ix_worker_category')

    op.drop_table('worker')
    op.drop_table('setting')
    with op.batch_alter_table('region', schema=None) as batch_op:
        batch_op.drop_index('ix_region_parent')
        batch_op.drop_index('ix_region_level_name')

    op.drop_table('region')
    op.drop_table('local_state')
    op.drop_table('device')
    op.drop_table('coverage_target')
    with op.batch_alter_table('conflict', schema=None) as batch_op:
        batch_op.drop_index('ix_conflict_open')

    op.drop_table('conflict')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_row')
        batch_op.drop_index('ix_change_audit')

    op.drop_table('change_log')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_user')
        batch_op.drop_index('ix_audit_at')

    op.drop_table('audit_entry')
    op.drop_table('app_user')
