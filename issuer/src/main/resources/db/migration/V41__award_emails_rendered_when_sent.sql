-- Award emails are queued with the credential but written out when they are sent (ADR 34): the claim link in them is
-- made at that moment, so the outbox holds no live link, and an award row keeps only the three values its text needs.
-- Every other email (community notices) and the award emails queued before this migration keep a finished body_text.
alter table email_outbox alter column body_text drop not null;
alter table email_outbox add column learner_name text;
alter table email_outbox add column organisation_name text;
alter table email_outbox add column qualification_title text;
alter table email_outbox add constraint email_outbox_body_or_award check (
    body_text is not null
    or (credential_uuid is not null and organisation_name is not null and qualification_title is not null));
