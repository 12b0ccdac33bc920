-- The officer console lists an issuer's credentials newest first, and finds each one's award key and status.
create index credential_by_issuer on credential (issuer, issued_at desc);
create index idempotency_key_by_credential on idempotency_key (credential_uuid);
