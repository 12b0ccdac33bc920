-- Key rotation and revocation (ADR 14). A key is active (signs new credentials), retired (replaced by a rotation:
-- still published, so what it signed still verifies) or revoked (published with the Controlled Identifiers
-- `revoked` date, so verifiers refuse what it signed).
alter table issuer_key add column state text not null default 'active'
    check (state in ('active', 'retired', 'revoked'));
alter table issuer_key add column retired_at timestamptz;
alter table issuer_key add column revoked_at timestamptz;
alter table issuer_key add constraint issuer_key_revoked_has_date check ((state = 'revoked') = (revoked_at is not null));
drop index issuer_key_one_per_algorithm;
create unique index issuer_key_one_active_per_algorithm on issuer_key (issuer_did, algorithm) where state = 'active';

-- Status lists per issuer: the verifier requires a list's issuer to be the credential's, so each organisation that
-- issues under its own DID has its own lists. owner '' is the service's own DID (lists at /status/<purpose>-<n>);
-- otherwise the organisation's slug (lists at /issuers/<slug>/status/<purpose>-<n>, list_id '<slug>/<purpose>-<n>').
alter table status_list add column owner text not null default '';
alter table status_list drop constraint status_list_list_id_check;
alter table status_list add constraint status_list_list_id_check
    check (list_id ~ '^([a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?/)?(revocation|suspension)-[1-9][0-9]{0,8}$');
alter table status_list drop constraint status_list_purpose_seq_key;
alter table status_list add constraint status_list_owner_purpose_seq_key unique (owner, purpose, seq);
