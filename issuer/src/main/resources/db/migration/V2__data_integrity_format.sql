-- Credentials may now be secured with an embedded Data Integrity proof: the secured form is then the JSON document.
alter table credential drop constraint credential_format_check;
alter table credential add constraint credential_format_check check (format in ('vc+jwt', 'di'));
