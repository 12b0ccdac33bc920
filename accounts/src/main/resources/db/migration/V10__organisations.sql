-- Organisations: the tenants of the service. An organisation that issues has its own did:web DID and keys; the
-- SayPro organisation is created at first start and owns the service's own DID (did:web:<host>).
create table organisation (
    id          uuid primary key,
    slug        text        not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
    name        text        not null check (length(name) between 1 and 200),
    kind        text        not null check (kind in ('saypro', 'accreditation_body', 'college', 'employer', 'funder',
                                                   'community')),
    description text        check (length(description) <= 4000),
    website     text        check (website ~ '^https?://' and length(website) <= 500),
    issuer_did  text        unique,
    created_at  timestamptz not null default now()
);
